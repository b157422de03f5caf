import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeCsv } from '../src/core/data/upload/testCsv';
import { greyPng } from './pngFixture';

const MICRO = '/?backend=wasm&preset=micro&steps=10&evalEvery=5&referencePretrainSteps=5';
const GOOD_CSV = makeCsv({ classes: 3, perClass: 150, side: 8, header: true });

async function open(page: Page, url = MICRO) {
  await page.goto(url);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an uploaded CSV is summarised, becomes the dataset and trains a micro experiment to completion', async ({ page }) => {
  await open(page);
  await page.getByLabel('Upload a CSV file').setInputFiles(csvFile('digits.csv', GOOD_CSV));
  const summary = page.getByTestId('upload-summary');
  await expect(summary).toContainText('digits.csv · 450 examples · 3 classes · 8×8 → 16×16');
  await expect(summary.getByRole('row')).toHaveCount(4); // header + 3 classes
  await expect(summary.getByRole('img')).toHaveCount(6); // two thumbnails per class
  await expect(page.locator('#cfg-dataset')).toHaveValue('custom');
  // Split sizes fitted to the 450 examples.
  await expect(page.locator('#cfg-trainSize')).toHaveValue('260');
  await expect(page.locator('#cfg-testSize')).toHaveValue('100');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', String(2 * 3));
  // The saved record names the upload (a link cannot carry it).
  await expect(page.getByTestId('saved-run')).toContainText(/custom \(digits\.csv, #[0-9a-f]{8}\)/);
});

test('a malformed CSV is refused inline with the line and column; the previous dataset stays selected', async ({ page }) => {
  await open(page);
  const csvInput = page.getByLabel('Upload a CSV file');
  const bad = GOOD_CSV.replace(/\n(\d+),(\d+),/, '\n$1,oops,');
  await csvInput.setInputFiles(csvFile('bad.csv', bad));
  const alert = page.getByTestId('upload-error');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText(
    'bad.csv: line 2, column 2 (pixel 0): "oops" is not a number; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
  );
  await expect(alert).toContainText('Nothing changed: the lab still trains on synthetic.');
  await expect(page.locator('#cfg-dataset')).toHaveValue('synthetic');
  await expect(page.getByTestId('upload-summary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  // After a good upload, a bad one keeps the good one.
  await csvInput.setInputFiles(csvFile('digits.csv', GOOD_CSV));
  await expect(page.getByTestId('upload-summary')).toContainText('digits.csv · 450 examples');
  await expect(alert).toHaveCount(0);
  await csvInput.setInputFiles(csvFile('labels.csv', GOOD_CSV.replace(/\n2,/, '\n12,')));
  await expect(alert).toContainText('labels.csv: line 4, column 1 (label): label 12 is out of range; labels must be integers from 0 to 9');
  await expect(alert).toContainText('Nothing changed: the lab still trains on digits.csv.');
  await expect(page.getByTestId('upload-summary')).toContainText('digits.csv · 450 examples');
  await expect(page.locator('#cfg-dataset')).toHaveValue('custom');
});

test('a shared link with dataset=custom explains that the file must be uploaded again', async ({ page }) => {
  await open(page, `${MICRO}&dataset=custom`);
  await expect(page.locator('#cfg-dataset')).toHaveValue('custom');
  await expect(page.locator('#cfg-dataset-error')).toContainText(
    'dataset: "custom" needs an uploaded file and none is loaded in this tab; upload a CSV or an image folder under “Your dataset” (a link or a reload cannot carry the data: upload the file again)',
  );
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByLabel('Upload a CSV file').setInputFiles(csvFile('digits.csv', GOOD_CSV));
  await expect(page.locator('#cfg-dataset-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('a folder of class-named image folders is decoded and summarised; mixed sizes are refused', async ({ page }) => {
  const root = join(await mkdtemp(join(tmpdir(), 'upload-')), 'shapes');
  for (const [c, name] of ['bars', 'dots'].entries()) {
    await mkdir(join(root, name), { recursive: true });
    for (let i = 0; i < 190; i++) {
      const pixels = Array.from({ length: 100 }, (_, p) => ((c === 0 ? p % 10 : Math.floor(p / 10)) % 3 === 0 ? 220 : (i * 7 + p) % 40));
      await writeFile(join(root, name, `${i}.png`), greyPng(10, 10, pixels));
    }
  }
  await writeFile(join(root, 'README.txt'), 'not an image');
  await open(page);
  await page.getByLabel('Upload an image folder (one subfolder per class)').setInputFiles(root);
  await expect(page.getByTestId('upload-summary')).toContainText('shapes · 380 images · 2 classes · 10×10 → 16×16', { timeout: 30_000 });
  await expect(page.getByTestId('upload-summary')).toContainText('1 non-image file skipped');
  await expect(page.locator('#cfg-dataset')).toHaveValue('custom');

  await writeFile(join(root, 'dots', 'odd.png'), greyPng(12, 10, new Array(120).fill(128)));
  await page.getByLabel('Upload an image folder (one subfolder per class)').setInputFiles(root);
  await expect(page.getByTestId('upload-error')).toContainText(
    /shapes: shapes\/dots\/odd\.png is 12×10 but shapes\/\w+\/\d+\.png is 10×10; every image must have the same size/,
  );
  await expect(page.getByTestId('upload-summary')).toContainText('shapes · 380 images');
});
