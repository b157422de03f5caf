import { expect, test, type Page } from '@playwright/test';

type Hooks = { __labTest: { simulateFailure(failure: 'worker-crash' | 'device-loss'): Promise<void> } };

const progressOf = (page: Page, runId: string) => page.getByRole('progressbar', { name: `Training ${runId}` });
const stepOf = async (page: Page, runId: string) => Number((await progressOf(page, runId).getAttribute('aria-valuenow')) ?? -1);

test('a worker crash mid-run is reported, the worker restarts and the run resumes from its last checkpoint', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&testHooks=1&steps=400&evalEvery=50');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const active = 'learnability@ViT-Mu/8';
  // Checkpoints come every 40 steps here (10% of 400): crash once the active run is past its first.
  await expect.poll(() => stepOf(page, active), { timeout: 60_000 }).toBeGreaterThan(60);
  const crashedAt = await stepOf(page, active);
  await page.evaluate(() => (window as unknown as Hooks).__labTest.simulateFailure('worker-crash'));

  const alert = page.getByTestId('engine-failure');
  await expect(alert).toContainText('The training worker crashed (');
  await expect(alert).toContainText('restarted on WASM');
  const notice = page.getByTestId('resume-notice');
  await expect(notice).toContainText(new RegExp(`Resumed ${active} at step \\d+ from its checkpoint \\(attempt 1 of 2\\)`));
  // The worker may have gone on past the step the page last showed before the crash landed, but it
  // resumes from a checkpoint it took: a multiple of the interval, at or after the one before that step.
  const resumedAt = Number(/at step (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  const interval = 400 / 10;
  expect(resumedAt % interval).toBe(0);
  expect(resumedAt).toBeGreaterThanOrEqual(Math.floor(crashedAt / interval) * interval);
  // The IID run is not rerun; the active run goes on from the checkpoint and finishes.
  await expect(page.locator(`[data-testid="run-progress"] [data-run="${active}"][data-done="true"]`)).toHaveCount(1, { timeout: 90_000 });
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished');
  // Every evaluation of both runs is on the chart: steps 0, 50, …, 400 twice, none lost to the crash.
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', String(2 * (400 / 50 + 1)));
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).not.toContainText('unfinished');
  await expect(page.getByRole('button', { name: /^Resume / })).toHaveCount(0);
});

test('a lost WebGPU device mid-run falls back to WebGL and resumes from the last checkpoint', async ({ page }) => {
  await page.goto('/?backend=webgpu&preset=micro&testHooks=1&policies=uniform&steps=10&evalEvery=5&testSize=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgpu');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // A checkpoint every step (10% of 10).
  await expect.poll(() => stepOf(page, 'uniform'), { timeout: 60_000 }).toBeGreaterThan(2);
  await page.evaluate(() => (window as unknown as Hooks).__labTest.simulateFailure('device-loss'));
  await expect(page.getByTestId('engine-failure')).toContainText('The GPU device was lost (destroyed');
  await expect(page.getByTestId('engine-failure')).toContainText('restarted on WebGL');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('resume-notice')).toContainText(/Resumed uniform at step \d+ from its checkpoint/);
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', String(10 / 5 + 1));
});

test('Stop ends a wasm run mid-way and keeps it', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&steps=2000&evalEvery=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'running');
  await expect
    .poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
});

test('a reload mid-run keeps the unfinished experiment, with its curves so far', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&steps=3000&evalEvery=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThan(3);
  await page.waitForTimeout(2500); // the in-progress record is saved at most every 2 s
  await expect(page.getByTestId('saved-run')).toContainText('unfinished');
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).toContainText('unfinished');
  await page.getByRole('button', { name: /^Open / }).click();
  await expect.poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points'))).toBeGreaterThan(1);
});

test('after a reload, Resume continues the unfinished experiment from its checkpoint to the end', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&steps=300&evalEvery=30');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => stepOf(page, 'uniform'), { timeout: 60_000 }).toBeGreaterThan(100);
  await page.reload();
  const resume = page.getByRole('button', { name: /^Resume .* from its last checkpoint$/ });
  await expect(resume).toBeEnabled({ timeout: 30_000 });
  await resume.click();
  await expect(page.getByTestId('resume-notice')).toContainText(/Resumed uniform at step \d+ from its checkpoint/);
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', String(2 * (300 / 30 + 1)));
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).not.toContainText('unfinished');
  await expect(resume).toHaveCount(0);
});
