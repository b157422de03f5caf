import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SweepCellResult } from '../../core/sweep/runSweep';
import { formatSaving } from '../experiment/formatters';
import { BudgetChart } from './BudgetChart';

const cell = (steps: number, learnerSaving: number | null, computeSaving: number | null): SweepCellResult => ({
  id: `steps=${steps}`,
  values: { steps },
  baselineId: `iid-${steps}`,
  policy: 'learnability',
  scorer: 'ViT-Mi/8',
  steps,
  targetAccuracy: 0.5,
  learnerSaving,
  computeSaving,
  computeSavingWithPretraining: null,
  stepsToTarget: null,
  iidStepsToTarget: steps,
  finalAccuracy: 0.5,
  iidFinalAccuracy: 0.5,
});

describe('BudgetChart markup (server render)', () => {
  it('summarises the budgets in increasing order for screen readers, and says so when none has finished', () => {
    const html = renderToStaticMarkup(createElement(BudgetChart, { cells: [cell(800, 0.3, null), cell(200, 0.1, -0.2)] }));
    const expected = `200 steps: learner saving ${formatSaving(0.1)}, compute saving ${formatSaving(-0.2)}; 800 steps: learner saving ${formatSaving(0.3)}, compute saving ${formatSaving(null)}`;
    expect(html).toContain(`<figcaption>${expected}</figcaption>`);
    expect(renderToStaticMarkup(createElement(BudgetChart, { cells: [] }))).toContain('No budget has finished yet.');
  });
});
