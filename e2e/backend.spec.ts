import { expect, test, type Page } from '@playwright/test';

async function expectSelfCheckPassed(page: Page) {
  const check = page.getByTestId('self-check');
  await expect(check).toHaveAttribute('data-status', 'done');
  await expect(check).toHaveAttribute('data-passed', 'true');
  const gflops = await page.getByTestId('self-check-gflops').textContent();
  expect(Number.parseFloat(gflops ?? '')).toBeGreaterThan(0);
}

test('?backend=webgpu runs on WebGPU (SwiftShader) and the self-check passes', async ({ page }, testInfo) => {
  await page.goto('/?backend=webgpu');
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

test('the default page is cross-origin isolated, picks its backend by measurement, says why, and caches the probe', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', /webgpu|webgl|wasm/);
  await expect(badge).toContainText(/faster than|as fast as|the only backend/);
  const first = (await badge.textContent()) ?? '';
  testInfo.annotations.push({ type: 'probe', description: `${first} | ${(await badge.getAttribute('title')) ?? ''}` });
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backend-probe')));
  expect(stored).toHaveLength(1);
  await page.reload();
  await expect(badge).toHaveAttribute('title', /cached for this device/);
  await expectSelfCheckPassed(page);
});

test('?backend=wasm runs on WASM and the self-check passes', async ({ page }, testInfo) => {
  await page.goto('/?backend=wasm');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toContainText('WASM');
  // Cross-origin isolated (COOP/COEP from vite preview): the threaded build on every core.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(badge).toHaveAttribute('data-threads', String(cores));
  await expect(badge).toContainText(`×${cores} thread`);
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
