import { expect, test } from '@playwright/test';

// The full browser benchmark takes minutes (npm run bench:browser); this only checks the page is wired.
test('?view=bench shows the benchmark page with the backend from the URL, waiting for Run', async ({ page }) => {
  await page.goto('/?view=bench&backend=wasm&quick=1');
  await expect(page.getByRole('heading', { name: /benchmark/ })).toBeVisible();
  await expect(page.getByLabel('Backend')).toHaveValue('wasm');
  await expect(page.getByLabel('quick (CI size)')).toBeChecked();
  await expect(page.getByTestId('bench-status')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toBeEnabled();
});

test('?view=bench with a bad backend names the allowed values', async ({ page }) => {
  await page.goto('/?view=bench&backend=tpu');
  await expect(page.getByRole('alert')).toContainText('"tpu"');
  await expect(page.getByRole('alert')).toContainText('webgpu, webgl, wasm, cpu');
  await expect(page.getByLabel('Backend')).toHaveValue('');
});
