import { expect, test } from '@playwright/test';

type Hooks = { __labTest: { simulateFailure(failure: 'worker-crash' | 'device-loss'): Promise<void> } };

test('a worker crash mid-run is reported, the worker restarts and the finished IID run is kept', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&testHooks=1&steps=400&evalEvery=50');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-testid="run-progress"] [data-run="uniform"][data-done="true"]')).toHaveCount(1, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as Hooks).__labTest.simulateFailure('worker-crash'));

  const alert = page.getByTestId('engine-failure');
  await expect(alert).toContainText('The training worker crashed (');
  await expect(alert).toContainText('restarted on WASM');
  await expect(page.getByTestId('run-error')).toContainText('the training worker crashed');
  // The finished IID run survived, saved; the backend is back and Run works again.
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).toContainText('uniform');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('a lost WebGPU device is reported and the lab falls back to the next backend', async ({ page }) => {
  await page.goto('/?preset=micro&testHooks=1');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgpu');
  await page.evaluate(() => (window as unknown as Hooks).__labTest.simulateFailure('device-loss'));
  await expect(page.getByTestId('engine-failure')).toContainText('The GPU device was lost (destroyed');
  await expect(page.getByTestId('engine-failure')).toContainText('restarted on WebGL');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('self-check')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
});

test('Stop ends a wasm run mid-way and keeps it', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&steps=2000&evalEvery=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
});

test('a reload mid-run keeps the unfinished experiment, with its curves so far', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&steps=3000&evalEvery=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(3);
  await page.waitForTimeout(2500); // the in-progress record is saved at most every 2 s
  await expect(page.getByTestId('saved-run')).toContainText('unfinished');
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).toContainText('unfinished');
  await page.getByRole('button', { name: /^Open / }).click();
  await expect.poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points'))).toBeGreaterThan(1);
});
