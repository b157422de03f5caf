import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

// The pipeline forced on (`?pipeline=on`): learnability's scorers train in a Web Worker of their own,
// ahead of the learner, and the lab shows both workers (docs/architecture.md, "Pipeline").
test('with the pipeline on, the scorer worker runs ahead of the learner, the lab shows both workers and the result says so', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&preset=micro&pipeline=on');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  const learnability = page.locator('#cfg-policies-learnability');
  if (!(await learnability.isChecked())) await learnability.check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });

  await expect(page.getByTestId('pipeline-view')).toContainText('learnability@ViT-Mu/8: finished');
  expect(Number(await page.getByTestId('pipeline-learner').getAttribute('data-value'))).toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(exported.runs[0].pipeline).toMatchObject({ mode: 'sequential', reason: expect.stringMatching(/scores nothing/) });
  expect(exported.runs[1].pipeline).toMatchObject({ mode: 'pipelined', scorer: 'worker', depth: 2 });
});

test('Stop during a pipelined run keeps it, with the scorer models’ accuracy asked of the scorer worker', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro&pipeline=on&steps=600&evalEvery=100');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  const learnability = page.locator('#cfg-policies-learnability');
  if (!(await learnability.isChecked())) await learnability.check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('pipeline-view')).toContainText('learnability@ViT-Mu/8: training', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  const stopped = exported.runs[1];
  expect(stopped.pipeline).toMatchObject({ mode: 'pipelined', scorer: 'worker' });
  expect(stopped.stoppedEarly).toMatchObject({ reason: 'user' });
  expect(stopped.final.steps).toBeLessThan(600);
  expect(stopped.onlineTestAccuracy).toBeGreaterThanOrEqual(0);
});
