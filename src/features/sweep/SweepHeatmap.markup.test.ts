import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SweepCellResult } from '../../core/sweep/runSweep';
import type { SweepAxis } from '../../core/sweep/sweepSpec';
import { formatSaving } from '../experiment/formatters';
import { SweepHeatmap } from './SweepHeatmap';

const rows: SweepAxis = { key: 'rho', field: 'filterRatio', values: [2, 4] };
const cols: SweepAxis = { key: 'tau', field: 'temperature', values: [0.1, 1] };
const cell = (rho: number, tau: number, learnerSaving: number | null): SweepCellResult => ({
  id: `rho=${rho} tau=${tau}`,
  values: { rho, tau },
  baselineId: 'iid-1',
  policy: 'learnability',
  scorer: 'ViT-Mi/8',
  steps: 400,
  targetAccuracy: 0.5,
  learnerSaving,
  computeSaving: null,
  computeSavingWithPretraining: null,
  stepsToTarget: null,
  iidStepsToTarget: 400,
  finalAccuracy: 0.5,
  iidFinalAccuracy: 0.5,
});

describe('SweepHeatmap markup (server render)', () => {
  it('fills finished cells, shows the training one, labels each for screen readers and marks current and paper settings', () => {
    const html = renderToStaticMarkup(
      createElement(SweepHeatmap, {
        title: 'learner saving',
        measure: 'learnerSaving',
        rows,
        cols,
        cells: [cell(2, 0.1, 0.25), cell(2, 1, -0.1)],
        current: 'rho=4 tau=0.1',
        defaultValues: { rho: 2, tau: 0.1 },
      }),
    );
    expect(html).toContain(`aria-label="rho 2, tau 0.1: learner saving ${formatSaving(0.25)} (current settings)"`);
    expect(html).toContain(`aria-label="rho 2, tau 1: learner saving ${formatSaving(-0.1)} (paper&#x27;s setting)"`);
    expect(html).toContain('aria-label="rho 4, tau 0.1: learner saving training…"');
    expect(html).toContain('aria-label="rho 4, tau 1: learner saving not run yet"');
    expect(html.match(/data-done="true"/g)).toHaveLength(2);
  });
});
