import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findPythonWithTorch } from '../cli/pythonWithTorch';

/** A real result.json written by the CLI (micro preset: uniform, learnability, hard; 40 steps). */
const REAL = readFileSync(new URL('../src/features/runs/microResult.fixture.json', import.meta.url), 'utf8');
const jsonFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('Export as PyTorch downloads a runnable folder; its result.json imports and plots beside the lab run', async ({ page }, testInfo) => {
  await page.goto('/?backend=wasm&preset=micro');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.getByTestId('import-result').setInputFiles(jsonFile('micro.json', REAL));
  await expect(page.getByTestId('saved-run')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export .* as PyTorch$/ }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^learnability-torch-.*\.tar$/);
  await expect(page.getByTestId('import-message')).toContainText('run python3 learnability-torch/train.py');
  const dir = mkdtempSync(join(tmpdir(), 'torch-e2e-'));
  execFileSync('tar', ['-xf', file!, '-C', dir]);
  const folder = join(dir, 'learnability-torch');
  expect(JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'))).toEqual(JSON.parse(REAL).config);
  expect(readFileSync(join(folder, 'train.py'), 'utf8')).toContain('result.json');

  const python = findPythonWithTorch();
  if (!python) {
    testInfo.annotations.push({ type: 'skipped', description: 'train.py not run: no python3 with torch (apt-get install python3-torch)' });
    return;
  }
  execFileSync(python, [join(folder, 'train.py'), '--quiet', '--threads', '1'], { env: { ...process.env, OMP_NUM_THREADS: '1' } });
  await page.getByTestId('import-result').setInputFiles(jsonFile('torch.json', readFileSync(join(folder, 'result.json'), 'utf8')));
  await expect(page.getByTestId('import-message')).toHaveText('Imported: the result is on screen and saved.');
  await expect(page.getByTestId('saved-run')).toHaveCount(2);
  await expect.poll(async () => Number(await page.getByTestId('race-chart').getAttribute('data-points'))).toBe(3 * 5);
});
