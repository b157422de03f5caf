import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

const MICRO = '/?backend=wasm&preset=micro';

// Playwright's trace recorder snapshots the DOM on the page's main thread: keep it off here, where
// main-thread long tasks are measured.
test.use({ trace: 'off' });

async function waitForBackend(page: Page, backend: string) {
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
}

/**
 * Records every main-thread long task (≥ 50 ms) that starts while an experiment is running, i.e.
 * between the race panel's data-status turning "running" and turning anything else, and the most
 * points the race chart showed while it was running.
 */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __pointsWhileRunning: number[] };
    w.__longTasks = [];
    let from = Number.POSITIVE_INFINITY;
    let until = Number.POSITIVE_INFINITY;
    const panel = document.querySelector('[data-testid="race-panel"]')!;
    w.__pointsWhileRunning = [];
    new MutationObserver(() => {
      const status = panel.getAttribute('data-status');
      const points = Number(panel.querySelector('[data-testid="race-chart"]')?.getAttribute('data-points') ?? 0);
      if (status === 'running' && !w.__pointsWhileRunning.includes(points)) w.__pointsWhileRunning.push(points);
      if (status === 'running' && from === Number.POSITIVE_INFINITY) from = performance.now();
      else if (status !== 'running' && from !== Number.POSITIVE_INFINITY && until === Number.POSITIVE_INFINITY) until = performance.now();
    }).observe(panel, { attributes: true, subtree: true, attributeFilter: ['data-status', 'data-points'] });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= from && entry.startTime < until) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

// On CI's 2 cores (the worker training on one), about 1 run in 8 sees a single 50–51 ms task; a real
// regression shows several long tasks in every run. One retry separates the two.
test.describe(() => {
  test.describe.configure({ retries: 1 });

  test('a learnability run races IID, shows savings and a Pareto point, is saved across reloads and exports result.json', async ({
    page,
  }, testInfo) => {
    await page.goto(MICRO);
    await waitForBackend(page, 'wasm');
    const learnability = page.locator('#cfg-policies-learnability');
    if (!(await learnability.isChecked())) await learnability.check();
    await expect(page.getByTestId('saved-runs-empty')).toBeVisible();

    await watchLongTasks(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const race = page.getByTestId('race-chart');
    await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
    // Both curves grew while the runs trained: while its status was still "running" the race chart showed
    // a part of the final curves — more than the two step-0 points, fewer than all (recorded in the page, so
    // a sub-second micro run cannot slip between two polls). The last points may land before the status
    // flips to "finished", so the check is that a partial count was seen, not that the last one came later.
    await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
    // One record: saved while training, replaced by the finished experiment.
    await expect(page.getByTestId('saved-run')).toHaveCount(1);
    await expect(page.getByTestId('saved-run')).not.toContainText('unfinished');
    const final = Number(await race.getAttribute('data-points'));
    const whileRunning = await page.evaluate(() => (window as unknown as { __pointsWhileRunning: number[] }).__pointsWhileRunning);
    expect(
      whileRunning.filter((n) => n > 2 && n < final),
      `points shown while running: ${whileRunning.join(', ')}`,
    ).not.toEqual([]);
    expect(final).toBe(2 * 5); // two runs × evaluations at steps 0, 10, 20, 30, 40
    await expect(page.getByTestId('saving-learnability@ViT-Mu/8')).toContainText(/%|not reached/);
    await expect.poll(async () => Number(await page.getByTestId('pareto-chart').getAttribute('data-points'))).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="inspector-thumb"][data-selected="true"]')).toHaveCount(16);
    // Per-class view: both policies side by side, the synthetic classes named with their difficulty.
    const perClass = page.getByTestId('class-breakdown');
    await expect(perClass).toHaveAttribute('data-runs', '2');
    await expect(perClass.getByTestId('class-row')).toHaveCount(10);
    await expect(perClass.getByRole('rowheader', { name: 'class 7 (hard)' })).toBeVisible();
    await expect(perClass.getByRole('columnheader', { name: 'learnability@ViT-Mu/8 accuracy' })).toBeVisible();

    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    testInfo.annotations.push({
      type: 'longest main-thread task while training (ms)',
      description: longTasks.length ? longest.toFixed(0) : 'none ≥ 50 ms',
    });
    await testInfo.attach('main screen after a run', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    expect(longTasks, `long tasks: ${longTasks.join(', ')}`).toEqual([]);

    // Export JSON: the file has result.json's shape (docs/architecture.md, "Result files and the CLI").
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
    const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
    expect(Object.keys(exported)).toEqual(['config', 'backend', 'runs', 'comparisons', 'classNames', 'hardClasses']);
    expect(exported.hardClasses).toEqual([5, 6, 7, 8, 9]);
    expect(exported.backend).toBe('wasm');
    expect(exported.runs.map((r: { policy: string }) => r.policy)).toEqual(['uniform', 'learnability']);
    expect(Object.keys(exported.runs[0].final)).toEqual(['testAccuracy', 'steps', 'flops', 'wallMs']);
    expect(Object.keys(exported.runs[1].curve[0])).toEqual([
      'step',
      'testAccuracy',
      'trainLoss',
      'flops',
      'wallMs',
      'noisySelectedFraction',
      'classAccuracy',
      'worstClassAccuracy',
    ]);
    expect(exported.runs[1].curve[1].classPickShare).toHaveLength(10);
    expect(exported.comparisons[0]).toMatchObject({ policy: 'learnability', scorer: 'ViT-Mu/8' });
    // pipeline: auto keeps a core for the page: on ≥ 3 cores learnability's scorers ran in their own
    // Web Worker ahead of the learner; on fewer it ran sequentially and says why (e2e/pipeline.spec.ts
    // forces the pipeline on).
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    if (cores >= 3) expect(exported.runs[1].pipeline).toMatchObject({ mode: 'pipelined', scorer: 'worker', depth: 2 });
    else expect(exported.runs[1].pipeline).toMatchObject({ mode: 'sequential', reason: expect.stringMatching(/for the page/) });

    // Reload: the finished run survives (IndexedDB) and re-opens.
    await page.reload();
    await waitForBackend(page, 'wasm');
    await expect(page.getByTestId('saved-run')).toHaveCount(1);
    await page.getByRole('button', { name: /^Open / }).click();
    await expect.poll(async () => Number(await race.getAttribute('data-points'))).toBe(final);
    await expect(page.getByTestId('class-breakdown').getByRole('rowheader', { name: 'class 7 (hard)' })).toBeVisible();
  });
});

test('the share URL restores every control', async ({ page, context }) => {
  await page.goto(MICRO);
  await waitForBackend(page, 'wasm');
  const edits: [string, string][] = [
    ['#cfg-labelNoise', '0.25'],
    ['#cfg-steps', '30'],
    ['#cfg-temperature', '0.3'],
    ['#cfg-seed', '7'],
  ];
  for (const [selector, value] of edits) await page.locator(selector).fill(value);
  await page.locator('#cfg-noiseKind').selectOption('asymmetric');
  await page.locator('#cfg-policies-hard').check();
  await page.locator('#cfg-corruptHeldOut').check();
  const controls = page.locator('[id^="cfg-"]:is(input, select)');
  const snapshot = async (p: Page) =>
    p
      .locator('[id^="cfg-"]:is(input, select)')
      .evaluateAll((els) =>
        els.map((el) => [
          el.id,
          el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : (el as HTMLInputElement).value,
        ]),
      );
  await expect.poll(() => page.evaluate(() => location.search)).toContain('seed=7');
  const before = await snapshot(page);
  expect(before.length).toBeGreaterThan(25);
  expect(await controls.count()).toBe(before.length);

  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  await waitForBackend(second, 'wasm');
  expect(await snapshot(second)).toEqual(before);
});

test('WebGPU (SwiftShader): a short run completes under the WebGPU badge', async ({ page }) => {
  await page.goto('/?backend=webgpu&preset=micro&policies=uniform&steps=3&evalEvery=3&testSize=100&batchSize=8');
  await waitForBackend(page, 'webgpu');
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 110_000 });
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', '2');
});

test('an out-of-range setting is explained inline and blocks Run until fixed', async ({ page }) => {
  await page.goto(MICRO);
  await waitForBackend(page, 'wasm');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await page.locator('#cfg-labelNoise').fill('1.5');
  const field = page.locator('#cfg-labelNoise');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#cfg-labelNoise-error')).toContainText('labelNoise: "1.5" is not allowed; expected a number from 0 to 0.9');
  await expect(run).toBeDisabled();
  await field.fill('0.2');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(run).toBeEnabled();
});
