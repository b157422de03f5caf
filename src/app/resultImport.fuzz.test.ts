import { readFileSync } from 'node:fs';
import { createElement, Fragment } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/random/rng';
import { curvesCsv } from '../core/experiment/curvesCsv';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import { INITIAL_EXPERIMENT_STATE, experimentReducer } from '../features/experiment/liveState';
import { parseResultJson, resultToJson } from '../features/runs/exportImport';
import { defaultRecordName } from '../features/runs/runRecords';
import { RunsTable } from '../features/runs/RunsTable';
import { ResultsView } from './ResultsView';

/** A real result.json: `npm run lab -- --preset micro --policies uniform,learnability,hard --out …`. */
const REAL = readFileSync(new URL('../features/runs/microResult.fixture.json', import.meta.url), 'utf8');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  0.5,
  1.5,
  2.5e-9,
  1e300,
  -1e300,
  2 ** 53 + 2,
  '',
  'x',
  '1',
  '=HYPERLINK("http://x")',
  [],
  {},
  [1],
  { a: 1 },
];

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)] as T;

/** Sets an own property, even one named `__proto__` (plain assignment would change the prototype). */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A random container inside `root` (objects and arrays only), reached by walking down a random path. */
function randomContainer(root: Json, rng: Rng): Record<string, Json> | Json[] {
  let node = root as Record<string, Json> | Json[];
  for (let depth = 0; depth < 6 && rng.next() < 0.8; depth++) {
    const children = Object.values(node).filter((v): v is Record<string, Json> | Json[] => typeof v === 'object' && v !== null);
    if (children.length === 0) break;
    node = pick(children, rng);
  }
  return node;
}

function randomValue(rng: Rng, original: Json): Json {
  switch (rng.int(5)) {
    case 0:
      return pick(INHERITED, rng);
    case 1:
      return 'x'.repeat(1 + rng.int(20_000));
    case 2:
      return typeof original === 'number' ? original * pick([-1, 10, 1e6, 1e-6, 1.0001], rng) : pick(VALUES, rng);
    default:
      return pick(VALUES, rng);
  }
}

/** One hostile edit: a field dropped, retyped, enlarged or renamed to an inherited key. */
function mutate(root: Json, rng: Rng): void {
  const node = randomContainer(root, rng);
  const keys = Object.keys(node);
  if (keys.length === 0) return;
  const key = pick(keys, rng);
  const value = (node as Record<string, Json>)[key] as Json;
  if (Array.isArray(node)) {
    const i = Number(key);
    if (rng.next() < 0.3) node.splice(i, 1);
    else if (rng.next() < 0.4) node.splice(i, 0, ...Array.from({ length: 1 + rng.int(50) }, () => structuredClone(value)));
    else node[i] = randomValue(rng, value);
    return;
  }
  switch (rng.int(5)) {
    case 0:
      delete node[key];
      return;
    case 1: {
      // Renamed to an inherited name: the field is gone and an odd one appears.
      delete node[key];
      setOwn(node, pick(INHERITED, rng), value);
      return;
    }
    case 2:
      setOwn(node, pick(INHERITED, rng), randomValue(rng, value));
      return;
    default:
      setOwn(node, key, randomValue(rng, value));
  }
}

/** Everything the lab draws for an opened or saved result: saved-runs row, race, savings, FLOPs, Pareto, inspector. */
function renderLab(result: ExperimentResult): string {
  const state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'loaded', result });
  const name = defaultRecordName(result, new Date(0), null);
  const record = { id: 'run-1', savedAt: '2026-11-29T00:00:00.000Z', name, result };
  const noop = () => undefined;
  const table = createElement(RunsTable, { records: [record], persistent: true, onOpen: noop, onDelete: noop, onExport: noop });
  const view = createElement(ResultsView, { state, savedResults: [result], filterRatio: result.config.filterRatio });
  curvesCsv(result);
  resultToJson(result);
  return renderToString(createElement(Fragment, null, table, view));
}

describe('imported result.json fuzz (seeded)', () => {
  it('the real result renders every panel', () => {
    const parsed = parseResultJson(REAL);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(renderLab(parsed.result)).toContain('data-testid="pareto-chart" data-points="1"');
  });

  it('10 000 hostile mutations: each is refused with a message naming a field, or renders without a throw', () => {
    const rng = createRng(17);
    const base = JSON.parse(REAL) as Json;
    let refused = 0;
    let rendered = 0;
    const silenced = console.error;
    console.error = () => undefined; // React's duplicate-key warnings are not failures
    try {
      for (let i = 0; i < 10_000; i++) {
        const data = structuredClone(base);
        for (let edits = 1 + rng.int(3); edits > 0; edits--) mutate(data, rng);
        const text = JSON.stringify(data);
        const parsed = parseResultJson(text);
        if (!parsed.ok) {
          // "runs[0].phaseFlops.learner: expected …", "comparisons: missing; …", "config.steps: …"
          expect(parsed.message, `case ${i}`).toMatch(/^(\(result\)|[\w$]+)(\[\d+\]|\.[\w$]+)*[: ]/);
          refused++;
          continue;
        }
        try {
          renderLab(parsed.result);
        } catch (error) {
          throw new Error(`case ${i} was accepted but does not render: ${(error as Error).stack?.slice(0, 1500)}\n${text.slice(0, 300)}`);
        }
        rendered++;
      }
    } finally {
      console.error = silenced;
    }
    // Both outcomes happen, so both halves of the check run (seed 17: 8568 refused, 1432 rendered).
    expect(refused).toBeGreaterThan(1000);
    expect(rendered).toBeGreaterThan(1000);
  }, 180_000); // ~17 s alone on a loaded 2-core machine; far longer when the whole suite shares the cores
});
