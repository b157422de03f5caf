import { expect, test } from '@playwright/test';

test.use({ trace: 'off' });

// ActiveCLIP in the lab: pick the preset (its dataset is the image–caption one), shrink it to seconds,
// run IID against learnability and see both curves and the selection inspector naming captions.
test('the ActiveCLIP preset trains a two-tower learner on image–caption pairs to a finished race', async ({ page }) => {
  await page.goto('/?backend=wasm&preset=micro');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await page.locator('#preset-picker').selectOption('activeclip-noisy');
  await expect(page.getByTestId('preset-explanation')).toContainText('mismatched caption');
  await expect(page.locator('#cfg-dataset')).toHaveValue('captioned-shapes');
  await expect(page.locator('#cfg-policies-learnability')).toBeChecked();
  const tiny: [string, string][] = [
    ['#cfg-trainSize', '512'],
    ['#cfg-heldOutSize', '256'],
    ['#cfg-testSize', '100'],
    ['#cfg-steps', '20'],
    ['#cfg-evalEvery', '10'],
    ['#cfg-batchSize', '16'],
    ['#cfg-referencePretrainSteps', '5'],
  ];
  for (const [selector, value] of tiny) await page.locator(selector).fill(value);
  await page.locator('#cfg-learner').selectOption('ViT-Mi/4');
  await page.locator('#cfg-scorer').selectOption('ViT-Mu/8');
  await expect(page.locator('#cfg-dataset')).toHaveValue('captioned-shapes');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('race-panel')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('race-chart')).toHaveAttribute('data-points', String(2 * 3)); // two runs × evaluations at steps 0, 10, 20
  await expect(page.getByTestId('saving-learnability@ViT-Mu/8')).toContainText(/%|not reached/);
  // The accuracy here is zero-shot (captions as class prompts), and recall@1 is reported beside the savings.
  await expect(page.getByRole('heading', { name: 'Zero-shot accuracy vs learner steps' })).toBeVisible();
  await expect(page.getByTestId('retrieval-recall')).toContainText(/uniform: image→text \d+\.\d%, text→image \d+\.\d%/);
  const thumbs = page.getByTestId('inspector-thumb');
  await expect(thumbs).toHaveCount(32);
  await expect(thumbs.first()).toHaveAttribute('title', /^caption “(bright|dark) (square|cross|disc|ring) (top|bottom)-(left|right)”/);
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).toContainText('captioned-shapes');
});
