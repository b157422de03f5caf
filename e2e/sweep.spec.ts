import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const MICRO = '/?backend=wasm&preset=micro';

test('the Sensitivity panel runs a 2 × 2 micro grid cell by cell, fills both heatmaps, and a rerun after reload resumes from the stored cells', async ({
  page,
}) => {
  await page.goto(MICRO);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  const panel = page.getByTestId('sweep-sensitivity');
  await expect(panel.getByRole('status')).toHaveText('No sweep yet: choose the values and run it.');
  await page.getByTestId('sweep-sensitivity-rho').fill('1.5,2');
  await page.getByTestId('sweep-sensitivity-tau').fill('0,1');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel).toHaveAttribute('data-status', 'running');
  // The main Run waits while the sweep trains.
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 110_000 });
  await expect(panel.getByRole('status')).toContainText('4 of 4 cells finished. 2 IID run(s) shared among 4 cells.');
  for (const measure of ['learnerSaving', 'computeSaving']) {
    const heatmap = panel.getByTestId(`heatmap-${measure}`);
    await expect(heatmap.locator('td[data-done="true"]')).toHaveCount(4);
    // The micro preset's own ρ = 2, τ = 0.1 is not in this grid; the paper's ρ = 2, τ = 1 is.
    await expect(heatmap.locator('td[data-cell="rho=2 tau=1"]')).toHaveAttribute('aria-label', /paper's setting/);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export grid.json' }).click()]);
  const grid = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(grid.cells).toHaveLength(4);
  expect(grid.stopped).toBe(false);
  expect(grid.sharedBaselines.map((b: { cellIds: string[] }) => b.cellIds)).toEqual([
    ['rho=1.5 tau=0', 'rho=1.5 tau=1'],
    ['rho=2 tau=0', 'rho=2 tau=1'],
  ]);

  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByTestId('sweep-sensitivity-rho').fill('1.5,2');
  await page.getByTestId('sweep-sensitivity-tau').fill('0,1');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  // Every cell is stored: nothing trains again.
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 10_000 });
  await expect(panel.getByTestId('heatmap-learnerSaving').locator('td[data-done="true"]')).toHaveCount(4);
});
