import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { BACKEND_ORDER, isBackendName, type BackendName } from '../src/core/backend/backendNames';
import { benchProblems, type BenchResults } from '../src/core/bench/benchResults';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromiumPath';
import { flagValue } from './flagValue';

/**
 * `npm run bench:browser [-- --quick] [--backends webgpu,webgl,wasm] [--timeout-min N]`: serves the built app,
 * opens its benchmark page (`?view=bench`, the same code as `npm run bench`) in the system
 * Chromium once per backend, prints one table with a column per backend and writes
 * bench/results-browser.json. WebGPU runs on SwiftShader and WebGL on a software GL here unless the
 * machine has a GPU Chromium can use: those figures are CPU emulation, not GPU speed.
 */
const quick = process.argv.includes('--quick');
const listArg = flagValue(process.argv, 'backends', 'webgpu,webgl,wasm');
const requested = (listArg ?? '').split(',').map((b) => b.trim());
const unknown = requested.filter((b) => !isBackendName(b));
if (unknown.length > 0 || requested.length === 0) {
  console.error(
    `bench:browser: --backends "${listArg}" names ${unknown.map((b) => `"${b}"`).join(', ') || 'nothing'}; allowed values: ${BACKEND_ORDER.join(', ')} (comma-separated)`,
  );
  process.exit(2);
}
if (!existsSync('dist/index.html')) {
  console.error('bench:browser serves the built app: run `npm run build` first (`npm run bench:browser` does).');
  process.exit(2);
}
/** Per backend; SwiftShader WebGPU needs far longer (~20 s per ViT-S/4 step on 2 cores): what finished in time is still reported. */
const timeoutText = flagValue(process.argv, 'timeout-min', quick ? '5' : '60');
const timeoutArg = Number(timeoutText);
if (!(timeoutArg > 0)) {
  console.error(`bench:browser: --timeout-min must be a positive number of minutes per backend (got "${timeoutText}")`);
  process.exit(2);
}
const timeoutMs = timeoutArg * 60_000;

interface BrowserRun {
  requested: BackendName;
  rows: { label: string; value: string }[];
  results: (BenchResults & { adapter: unknown }) | null;
  error: string | null;
  seconds: number;
}

async function runOne(page: Page, baseUrl: string, backend: BackendName): Promise<BrowserRun> {
  const started = performance.now();
  await page.goto(`${baseUrl}?view=bench&backend=${backend}&autorun=1${quick ? '&quick=1' : ''}`);
  const status = page.getByTestId('bench-status');
  let last = '';
  while (performance.now() - started < timeoutMs) {
    const state = await status.getAttribute('data-status');
    if (state === 'done' || state === 'failed') break;
    const text = ((await status.textContent()) ?? '').trim();
    // On a terminal the line is redrawn in place; in a log, one line per part of the benchmark.
    const part = text.replace(/^\d+%/, '').replace(/: step \d+\/\d+$/, '');
    if (process.stdout.isTTY) process.stdout.write(`\r${backend.padEnd(7)} ${text.slice(0, 100).padEnd(100)}`);
    else if (part !== last) console.log(`${backend.padEnd(7)} ${text}`);
    last = process.stdout.isTTY ? text : part;
    await page.waitForTimeout(1000);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const rows = await page.$$eval('[data-testid="bench-table"] tbody tr', (trs) =>
    trs.map((tr) => ({ label: tr.querySelector('th')?.textContent ?? '', value: tr.querySelector('td')?.textContent ?? '' })),
  );
  const seconds = (performance.now() - started) / 1000;
  const state = await status.getAttribute('data-status');
  if (state !== 'done') {
    const error = state === 'failed' ? ((await status.textContent()) ?? 'failed') : `no result after ${timeoutMs / 60_000} min`;
    return { requested: backend, rows, results: null, error, seconds };
  }
  const results = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? 'null') as BrowserRun['results'];
  const ranOn = results?.backend;
  return {
    requested: backend,
    rows,
    results,
    error: ranOn === backend ? null : `asked for ${backend}, ran on ${ranOn} (fallback)`,
    seconds,
  };
}

/** One table: a row per measure, a column per backend. */
function combinedTable(runs: BrowserRun[]): string {
  const labels = [...new Set(runs.flatMap((r) => r.rows.map((row) => row.label)))];
  const header = ['measure', ...runs.map((r) => r.results?.backend ?? `${r.requested} (no result)`)];
  const lines = [header, ...labels.map((label) => [label, ...runs.map((r) => r.rows.find((row) => row.label === label)?.value ?? '-')])];
  const widths = header.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length)));
  return lines.map((l) => l.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ')).join('\n');
}

const server = await preview({ preview: { port: 4183, strictPort: false, open: false }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4183/';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const browserVersion = browser.version();
const runs: BrowserRun[] = [];
try {
  for (const backend of requested as BackendName[]) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`\n[${backend}] page error: ${error.message}`));
    runs.push(await runOne(page, baseUrl, backend));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(combinedTable(runs));
const byBackend = Object.fromEntries(
  runs.map((r) => [r.requested, { ...r.results, error: r.error, wallSeconds: r.seconds, rows: r.rows }]),
);
const out = {
  browser: `Chromium ${browserVersion}`,
  flags: CHROMIUM_ARGS,
  quick,
  note: 'WebGPU/WebGL on SwiftShader are CPU emulation, not GPU speed',
  runs: byBackend,
};
await mkdir('bench', { recursive: true });
await writeFile('bench/results-browser.json', JSON.stringify(out, null, 2) + '\n');
console.log('wrote bench/results-browser.json');
const problems = runs.flatMap((r) =>
  (r.error !== null ? [r.error] : r.results ? benchProblems(r.results) : []).map((p) => `${r.requested}: ${p}`),
);
for (const problem of problems) console.error(`bench:browser: ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
