import { CONFIG_KEYS, CONFIG_SCHEMA } from '../../core/config/configSchema';
import { POLICY_NAMES, type ExperimentConfig } from '../../core/config/experimentConfig';
import { validateConfig } from '../../core/config/validateConfig';
import { readEarlyStop, STOP_REASONS } from '../../core/experiment/earlyStop';
import type { ExperimentResult } from '../../core/experiment/resultTypes';

/**
 * The full shape of a result (result.json, or a record saved in IndexedDB): every field the UI reads
 * (saved-runs table, race, savings, FLOP breakdown, Pareto chart, inspector, CSV export) is checked,
 * so a result that passes renders; one that does not is refused with the path of its first bad field.
 */
export type CheckedResult = { ok: true; result: ExperimentResult } | { ok: false; message: string };

/** Evaluation points over all runs of one result: enough for 100 000 steps evaluated every step, twice. */
export const MAX_CURVE_POINTS = 200_000;
/** Runs in one result (a scorer ladder over every policy is far below this). */
export const MAX_RUNS = 200;
/** Classes in the per-class fields (uploads have 2–10, the bundled datasets 10). */
export const MAX_CLASSES = 100;
/** Longest text field (run ids, scorer names, file names, messages). */
const MAX_TEXT = 10_000;

/** Thrown inside the checker; carries "path: expected …, got …". */
class ShapeError extends Error {}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(`${path}: expected ${expected}, got ${shown(value)}`);
}

/** An own property only: `constructor`, `toString` or `__proto__` inherited from Object.prototype never count. */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) fail(path, 'an object', value);
  return value;
}

function array(value: unknown, path: string, max = Number.POSITIVE_INFINITY): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  if (value.length > max) throw new ShapeError(`${path}: ${value.length} entries is too many; at most ${max} are allowed`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string', value);
  if (value.length > MAX_TEXT) throw new ShapeError(`${path}: ${value.length} characters is too long; at most ${MAX_TEXT} are allowed`);
  return value;
}

function stringOrNull(value: unknown, path: string): void {
  if (value !== null) string(value, `${path}`);
}

function number(value: unknown, path: string, min = 0, max = Number.POSITIVE_INFINITY, integer = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (ok) return;
  const kind = integer ? 'an integer' : 'a number';
  const range = min === Number.NEGATIVE_INFINITY ? '' : max === Number.POSITIVE_INFINITY ? ` ≥ ${min}` : ` from ${min} to ${max}`;
  fail(path, `${kind}${range}`, value);
}

function numberOrNull(value: unknown, path: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): void {
  if (value === null) return;
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (ok) return;
  const range = min === Number.NEGATIVE_INFINITY ? '' : max === Number.POSITIVE_INFINITY ? ` ≥ ${min}` : ` from ${min} to ${max}`;
  fail(path, `a number${range} or null`, value);
}

function booleanOrNull(value: unknown, path: string): void {
  if (value !== null && typeof value !== 'boolean') fail(path, 'true, false or null', value);
}

function policy(value: unknown, path: string): void {
  if (typeof value !== 'string' || !(POLICY_NAMES as readonly string[]).includes(value))
    fail(path, `one of ${POLICY_NAMES.join(', ')}`, value);
}

/** A record of named non-negative numbers (FLOPs or milliseconds by phase or tower). */
function numbers(value: unknown, path: string, keys?: readonly string[]): void {
  const o = object(value, path);
  for (const key of keys ?? Object.keys(o)) number(own(o, key), `${path}.${key}`);
}

const PHASE_KEYS = ['learner', 'scoring', 'online', 'reference'] as const;

/** An optional per-class array of a curve point: `classes` entries (the result's class count) from 0 to 1, null allowed where `nullable`. */
function checkPerClass(point: Record<string, unknown>, key: string, at: string, classes: number | null, nullable: boolean): void {
  if (!Object.hasOwn(point, key)) return;
  const values = array(point[key], `${at}.${key}`, MAX_CLASSES);
  if (classes !== null && values.length !== classes)
    throw new ShapeError(`${at}.${key}: ${values.length} entries, but the result names ${classes} classes`);
  values.forEach((v, c) => (nullable ? numberOrNull(v, `${at}.${key}[${c}]`, 0, 1) : number(v, `${at}.${key}[${c}]`, 0, 1)));
}

/** The optional class names and hard classes of a result; returns the class count (null: not named). */
function checkClasses(data: Record<string, unknown>): number | null {
  if (Object.hasOwn(data, 'hardClasses') && !Object.hasOwn(data, 'classNames'))
    throw new ShapeError('hardClasses: given without classNames; a result names its classes to mark hard ones');
  if (!Object.hasOwn(data, 'classNames')) return null;
  const names = array(data.classNames, 'classNames', MAX_CLASSES);
  names.forEach((name, c) => string(name, `classNames[${c}]`));
  if (Object.hasOwn(data, 'hardClasses')) {
    array(data.hardClasses, 'hardClasses', names.length).forEach((c, i) => number(c, `hardClasses[${i}]`, 0, names.length - 1, true));
  }
  return names.length;
}

function checkCurve(value: unknown, path: string, budget: { points: number }, classes: number | null): void {
  const curve = array(value, path);
  budget.points -= curve.length;
  if (budget.points < 0) throw new ShapeError(`${path}: too many evaluation points; a result holds at most ${MAX_CURVE_POINTS} in all`);
  curve.forEach((p, i) => {
    const at = `${path}[${i}]`;
    const point = object(p, at);
    number(own(point, 'step'), `${at}.step`, 0, Number.POSITIVE_INFINITY, true);
    number(own(point, 'testAccuracy'), `${at}.testAccuracy`, 0, 1);
    numberOrNull(own(point, 'trainLoss'), `${at}.trainLoss`);
    number(own(point, 'flops'), `${at}.flops`);
    number(own(point, 'wallMs'), `${at}.wallMs`);
    numberOrNull(own(point, 'noisySelectedFraction'), `${at}.noisySelectedFraction`, 0, 1);
    checkPerClass(point, 'classPickShare', at, classes, false);
    checkPerClass(point, 'trueClassPickShare', at, classes, false);
    checkPerClass(point, 'classAccuracy', at, classes, true);
    if (Object.hasOwn(point, 'worstClassAccuracy')) number(point.worstClassAccuracy, `${at}.worstClassAccuracy`, 0, 1);
  });
}

function checkRun(value: unknown, path: string, budget: { points: number }, classes: number | null): void {
  const run = object(value, path);
  string(own(run, 'id'), `${path}.id`);
  policy(own(run, 'policy'), `${path}.policy`);
  stringOrNull(own(run, 'scorer'), `${path}.scorer`);
  const final = object(own(run, 'final'), `${path}.final`);
  number(own(final, 'testAccuracy'), `${path}.final.testAccuracy`, 0, 1);
  number(own(final, 'steps'), `${path}.final.steps`, 0, Number.POSITIVE_INFINITY, true);
  number(own(final, 'flops'), `${path}.final.flops`);
  number(own(final, 'wallMs'), `${path}.final.wallMs`);
  checkCurve(own(run, 'curve'), `${path}.curve`, budget, classes);
  numbers(own(run, 'phaseFlops'), `${path}.phaseFlops`, PHASE_KEYS);
  number(own(run, 'referencePretrainFlops'), `${path}.referencePretrainFlops`);
  const modelFlops = object(own(run, 'modelFlops'), `${path}.modelFlops`);
  number(own(modelFlops, 'learner'), `${path}.modelFlops.learner`);
  numberOrNull(own(modelFlops, 'scorer'), `${path}.modelFlops.scorer`, 0);
  numbers(own(run, 'phaseWallMs'), `${path}.phaseWallMs`, PHASE_KEYS);
  numberOrNull(own(run, 'referenceTestAccuracy'), `${path}.referenceTestAccuracy`, 0, 1);
  if (Object.hasOwn(run, 'onlineTestAccuracy')) numberOrNull(run.onlineTestAccuracy, `${path}.onlineTestAccuracy`, 0, 1);
  if (Object.hasOwn(run, 'retrieval')) numbers(run.retrieval, `${path}.retrieval`, ['imageToText', 'textToImage']);
  if (Object.hasOwn(run, 'towerFlops')) {
    const towers = object(run.towerFlops, `${path}.towerFlops`);
    numbers(own(towers, 'learner'), `${path}.towerFlops.learner`);
    if (own(towers, 'scorer') !== null) numbers(own(towers, 'scorer'), `${path}.towerFlops.scorer`);
  }
  if (Object.hasOwn(run, 'pipeline')) checkPipeline(run.pipeline, `${path}.pipeline`);
  if (Object.hasOwn(run, 'stoppedEarly') && readEarlyStop(run.stoppedEarly) === null) {
    const expected = `{ reason: ${STOP_REASONS.join(' | ')}, detail: text } or a saved sentence ("stopped by the user", "diverged at step N", "unfinished: …")`;
    fail(`${path}.stoppedEarly`, expected, run.stoppedEarly);
  }
}

/** How a run was scheduled (docs/architecture.md, "Pipeline"): its mode, why sequential, and the overlap figures. */
function checkPipeline(value: unknown, path: string): void {
  const p = object(value, path);
  const mode = own(p, 'mode');
  if (mode !== 'pipelined' && mode !== 'sequential') fail(`${path}.mode`, 'pipelined or sequential', mode);
  stringOrNull(own(p, 'reason'), `${path}.reason`);
  const scorer = own(p, 'scorer');
  if (scorer !== null && scorer !== 'worker' && scorer !== 'in-process') fail(`${path}.scorer`, 'worker, in-process or null', scorer);
  for (const key of ['depth', 'learnerBusy', 'scorerBusy', 'queueWaitMs', 'scorerBlockedMs', 'meanQueueFill'] as const)
    numberOrNull(own(p, key), `${path}.${key}`, 0);
}

const SAVING_KEYS = ['learnerSaving', 'computeSaving', 'wallSaving', 'computeSavingWithPretraining'] as const;
const MIN_SAVING = -1e6;

function checkComparison(value: unknown, path: string): void {
  const c = object(value, path);
  policy(own(c, 'policy'), `${path}.policy`);
  stringOrNull(own(c, 'scorer'), `${path}.scorer`);
  number(own(c, 'targetAccuracy'), `${path}.targetAccuracy`, 0, 1);
  for (const key of ['stepsToTarget', 'iidStepsToTarget'] as const) numberOrNull(own(c, key), `${path}.${key}`, 0);
  // A saving is 1 − active ÷ IID: never above 1; far below 0 only when the active run was far slower.
  for (const key of SAVING_KEYS) numberOrNull(own(c, key), `${path}.${key}`, MIN_SAVING, 1);
  booleanOrNull(own(c, 'computePositive'), `${path}.computePositive`);
  number(own(c, 'overheadRatio'), `${path}.overheadRatio`);
  numberOrNull(own(c, 'scorerFlopRatio'), `${path}.scorerFlopRatio`, 0);
}

/** The upload a custom-dataset result names: its name, size and content hash. */
function checkUploadedDataset(value: unknown): void {
  const upload = object(value, 'uploadedDataset');
  string(own(upload, 'fileName'), 'uploadedDataset.fileName');
  number(own(upload, 'examples'), 'uploadedDataset.examples', 1, Number.POSITIVE_INFINITY, true);
  const hash = own(upload, 'contentHash');
  if (typeof hash !== 'string' || !/^[0-9a-f]{16}$/.test(hash)) fail('uploadedDataset.contentHash', '16 hex digits', hash);
  array(own(upload, 'classNames'), 'uploadedDataset.classNames').forEach((name, i) => string(name, `uploadedDataset.classNames[${i}]`));
}

/** The config over the defaults (what the experiment ran with), as the UI reads it. */
function checkConfig(value: unknown): ExperimentConfig {
  // Keys are looked up as own properties here: an inherited name (`constructor`, `__proto__`) is unknown.
  if (isObject(value)) {
    const unknown = Object.keys(value).find((key) => !Object.hasOwn(CONFIG_SCHEMA, key));
    if (unknown !== undefined) throw new ShapeError(`config.${unknown}: unknown setting; known settings: ${CONFIG_KEYS.join(', ')}`);
  }
  const config = validateConfig(value);
  if (!config.ok) throw new ShapeError(config.errors.map((e) => (e.field === '(config)' ? e.message : `config.${e.message}`)).join('; '));
  return config.config;
}

/**
 * Checks parsed JSON against the result schema. Each message names the path of the first problem,
 * e.g. `comparisons[0].scorerFlopRatio: expected a number ≥ 0 or null, got nothing`.
 */
export function checkResult(data: unknown): CheckedResult {
  let config: ExperimentConfig;
  try {
    if (!isObject(data)) fail('(result)', 'an object with config, backend, runs and comparisons', data);
    for (const key of ['config', 'backend', 'runs', 'comparisons']) {
      if (!Object.hasOwn(data, key)) throw new ShapeError(`${key}: missing; a result has config, backend, runs and comparisons`);
    }
    config = checkConfig(data.config);
    string(data.backend, 'backend');
    const budget = { points: MAX_CURVE_POINTS };
    const classes = checkClasses(data);
    const runs = array(data.runs, 'runs', MAX_RUNS);
    runs.forEach((run, i) => checkRun(run, `runs[${i}]`, budget, classes));
    const ids = new Set<string>();
    runs.forEach((run, i) => {
      const id = (run as { id: string }).id;
      if (ids.has(id)) throw new ShapeError(`runs[${i}].id: "${id.slice(0, 40)}" names two runs; run ids must be unique`);
      ids.add(id);
    });
    array(data.comparisons, 'comparisons', MAX_RUNS).forEach((c, i) => checkComparison(c, `comparisons[${i}]`));
    if (Object.hasOwn(data, 'failure')) {
      const failure = object(data.failure, 'failure');
      string(own(failure, 'runId'), 'failure.runId');
      string(own(failure, 'message'), 'failure.message');
    }
    if (Object.hasOwn(data, 'uploadedDataset')) checkUploadedDataset(data.uploadedDataset);
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, result: { ...(data as unknown as ExperimentResult), config } };
}
