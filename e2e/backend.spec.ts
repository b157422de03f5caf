import { expect, test, type Page } from '@playwright/test';

async function expectSelfCheckPassed(page: Page) {
  const check = page.getByTestId('self-check');
  await expect(check).toHaveAttribute('data-status', 'done');
  await expect(check).toHaveAttribute('data-passed', 'true');
  const gflops = await page.getByTestId('self-check-gflops').textContent();
  expect(Number.parseFloat(gflops ?? '')).toBeGreaterThan(0);
}

test('default page runs on WebGPU (SwiftShader) and the self-check passes', async ({ page }, testInfo) => {
  await page.goto('/');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'webgpu');
  await expect(badge).toContainText(/WebGPU · google\/swiftshader/);
  // The page itself sees a real adapter, not just a badge.
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { vendor: string } } | null> } }).gpu;
    const a = gpu ? await gpu.requestAdapter() : null;
    return a ? (a.info?.vendor ?? 'unknown') : null;
  });
  expect(adapter).not.toBeNull();
  await expectSelfCheckPassed(page);
  testInfo.annotations.push({ type: 'webgpu self-check', description: (await page.getByTestId('self-check-gflops').textContent()) ?? '' });
});

test('?backend=wasm runs on WASM and the self-check passes', async ({ page }, testInfo) => {
  await page.goto('/?backend=wasm');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toContainText('WASM');
  await expectSelfCheckPassed(page);
  testInfo.annotations.push({ type: 'wasm self-check', description: (await page.getByTestId('self-check-gflops').textContent()) ?? '' });
});

test('?backend=nonsense shows a clear error naming the allowed values and the app stays usable', async ({ page }) => {
  await page.goto('/?backend=nonsense');
  const error = page.getByRole('alert');
  await expect(error).toContainText('"nonsense"');
  await expect(error).toContainText('webgpu, webgl, wasm, cpu');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /webgpu|webgl|wasm|cpu/);
  await expectSelfCheckPassed(page);
  await page.getByRole('button', { name: 'Run self-check again' }).click();
  await expectSelfCheckPassed(page);
});
