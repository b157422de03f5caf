import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { liveRunFromResult } from '../experiment/liveState';
import { SAMPLE_RESULT } from '../runs/sampleResult.fixture';
import { SavingsPanel } from './SavingsPanel';

describe('SavingsPanel markup (server render)', () => {
  it('names what a* measures and lists recall@1 for runs evaluated by retrieval', () => {
    const [iid, active] = SAMPLE_RESULT.runs;
    const runs = [liveRunFromResult({ ...iid!, retrieval: { imageToText: 0.508, textToImage: 0.595 } }), liveRunFromResult(active!)];
    const html = renderToStaticMarkup(
      createElement(SavingsPanel, { comparisons: SAMPLE_RESULT.comparisons, runs, metric: 'zero-shot accuracy' }),
    );
    expect(html).toMatch(/a\* = [\d.]+% zero-shot accuracy/);
    expect(html).toContain(`Final recall@1 on the clean test set — ${iid!.id}: image→text 50.8%, text→image 59.5%.`);
  });

  it('says "test accuracy" and shows no recall line for classification runs', () => {
    const html = renderToStaticMarkup(
      createElement(SavingsPanel, { comparisons: SAMPLE_RESULT.comparisons, runs: SAMPLE_RESULT.runs.map(liveRunFromResult) }),
    );
    expect(html).toMatch(/a\* = [\d.]+% test accuracy/);
    expect(html).not.toContain('recall@1');
  });

  it('shows the final accuracy of the learner, the online student and the reference of each finished run', () => {
    const html = renderToStaticMarkup(
      createElement(SavingsPanel, { comparisons: SAMPLE_RESULT.comparisons, runs: SAMPLE_RESULT.runs.map(liveRunFromResult) }),
    );
    const [iid, active] = SAMPLE_RESULT.runs;
    const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(html).toContain(`${iid!.id}: learner ${pc(iid!.final.testAccuracy)};`);
    expect(html).toContain(
      `${active!.id}: learner ${pc(active!.final.testAccuracy)}, online ${pc(active!.onlineTestAccuracy!)}, reference ${pc(active!.referenceTestAccuracy!)}`,
    );
  });
});
