import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { flops } from '../../core/accounting/units';
import type { CurvePoint } from '../../core/experiment/resultTypes';
import type { LiveRun } from '../experiment/liveState';
import { ClassBreakdown } from './ClassBreakdown';
import { classPanelView, cumulativePickShare } from './classView';

const point = (step: number, extra: Partial<CurvePoint>): CurvePoint => ({
  step,
  testAccuracy: 0.5,
  trainLoss: null,
  flops: flops(0),
  wallMs: 0,
  noisySelectedFraction: null,
  ...extra,
});

function run(id: string, points: CurvePoint[]): LiveRun {
  return {
    id,
    policy: id === 'uniform' ? 'uniform' : 'learnability',
    scorer: null,
    totalSteps: 40,
    step: 40,
    wallMs: 0,
    etaMs: null,
    points,
    noisyHistory: [],
    finished: null,
  };
}

const classes = { names: ['T-shirt/top', 'Trouser', 'Bag'], hard: [2] };
const uniform = run('uniform', [
  point(0, { classAccuracy: [0, 0, 0], worstClassAccuracy: 0 }),
  point(10, {
    classPickShare: [0.5, 0.25, 0.25],
    trueClassPickShare: [0.5, 0.25, 0.25],
    classAccuracy: [0.8, 0.5, 0.25],
    worstClassAccuracy: 0.25,
  }),
  point(30, {
    classPickShare: [0, 0.5, 0.5],
    trueClassPickShare: [0.25, 0.25, 0.5],
    classAccuracy: [0.9, 0.6, 0.125],
    worstClassAccuracy: 0.125,
  }),
]);
const learnability = run('learnability@ViT-Mu/8', [
  point(0, { classAccuracy: [0, 0, 0], worstClassAccuracy: 0 }),
  point(10, { trueClassPickShare: [0.25, 0.25, 0.5], classAccuracy: [0.5, 0.5, 0.5], worstClassAccuracy: 0.5 }),
]);

describe('per-class view', () => {
  it('pick share so far weights each interval by its steps and reads the true class (by hand)', () => {
    // (0.5·10 + 0.25·20) / 30, (0.25·10 + 0.25·20) / 30, (0.25·10 + 0.5·20) / 30
    const share = cumulativePickShare(uniform.points, 3)!;
    [1 / 3, 0.25, 5 / 12].forEach((expected, c) => expect(share[c]).toBeCloseTo(expected, 12));
    expect(cumulativePickShare([point(0, {})], 3)).toBeNull();
    const view = classPanelView([uniform, learnability], classes);
    expect(view.columns.map((c) => [c.runId, c.step, c.worstAccuracy])).toEqual([
      ['uniform', 30, 0.125],
      ['learnability@ViT-Mu/8', 10, 0.5],
    ]);
    expect(view.columns[0]!.hardPickShare).toBeCloseTo(5 / 12, 12);
  });

  it('renders a heatmap table: class names as row headers, a picks/accuracy column pair per policy, worst class and hard-class picks', () => {
    const html = renderToStaticMarkup(createElement(ClassBreakdown, { runs: [uniform, learnability], classes }));
    for (const name of ['T-shirt/top', 'Trouser', 'Bag (hard)']) expect(html).toContain(`<th scope="row">${name}`);
    expect(html).toContain('aria-label="uniform picks"');
    expect(html).toContain('aria-label="learnability@ViT-Mu/8 accuracy"');
    expect(html).toContain('role="region" aria-labelledby="class-breakdown-title" tabindex="0"');
    expect(html).toContain('<td style="background:rgb(');
    expect(html).toContain('12.5%'); // uniform's worst class (Bag) at step 30
    expect(html).toContain('41.7%'); // uniform's hard-class picks so far
    expect(html).toContain('data-runs="2"');
    expect(html.match(/data-testid="class-row"/g)).toHaveLength(3);
  });

  it('shows an empty state before the first evaluation, and says why image–caption data has none', () => {
    const before = renderToStaticMarkup(createElement(ClassBreakdown, { runs: [run('uniform', [])], classes }));
    expect(before).toContain('data-testid="class-breakdown-empty"');
    expect(before).toContain('appear here after the first evaluation');
    const captioned = renderToStaticMarkup(
      createElement(ClassBreakdown, { runs: [run('uniform', [point(0, {})])], classes: null, captioned: true }),
    );
    expect(captioned).toContain('Image–caption data has no classes to break down');
  });
});
