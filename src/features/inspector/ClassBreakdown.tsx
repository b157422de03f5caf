import { useMemo } from 'react';
import type { LiveRun } from '../experiment/liveState';
import { classPanelView, heatColor, percentText, type ClassLabels } from './classView';

interface Props {
  runs: LiveRun[];
  /** The dataset's class names and hard classes (null: not known yet, or not a classification dataset). */
  classes: ClassLabels | null;
  /** Image–caption data: no per-class figures (captions are not classes). */
  captioned?: boolean;
}

/**
 * Per-class view (issue 16): for each run side by side, each class's share of the picks so far and
 * its test accuracy at the latest evaluation, as a heatmap table; the worst class and the hard
 * classes' share of the picks close it. A plain table: screen readers read it cell by cell with
 * its headers, and keyboard users reach it as one focusable region.
 */
export function ClassBreakdown({ runs, classes, captioned = false }: Props) {
  // Recomputed only when a curve gains a point (the runs array changes then, not on every step).
  const view = useMemo(() => classPanelView(runs, classes), [runs, classes]);
  const k = Math.max(1, view.classes.length);
  const hasHard = view.classes.some((c) => c.hard);
  return (
    <section
      className="panel class-breakdown"
      aria-labelledby="class-breakdown-title"
      data-testid="class-breakdown"
      data-runs={view.columns.length}
    >
      <h2 id="class-breakdown-title">Per-class view</h2>
      {view.columns.length === 0 ? (
        <p className="hint" data-testid="class-breakdown-empty">
          {captioned
            ? 'Image–caption data has no classes to break down: its captions are the labels.'
            : 'Each class’s share of the picks and its test accuracy appear here after the first evaluation, one column pair per policy.'}
        </p>
      ) : (
        <div className="class-breakdown-scroll" role="region" aria-labelledby="class-breakdown-title" tabIndex={0}>
          <table className="class-breakdown-table">
            <caption>
              Picks: each class’s share of the examples the learner trained on so far, by true class (uniform ≈ {percentText(1 / k)} each).
              Accuracy: per-class test accuracy at the latest evaluation.{hasHard ? ' The last row adds up the hard classes’ picks.' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Class
                </th>
                {view.columns.map((col) => (
                  <th scope="colgroup" colSpan={2} key={col.runId}>
                    {col.runId} <span className="hint">step {col.step}</span>
                  </th>
                ))}
              </tr>
              <tr>
                {view.columns.map((col) => [
                  <th scope="col" key={`${col.runId}-picks`} aria-label={`${col.runId} picks`}>
                    picks
                  </th>,
                  <th scope="col" key={`${col.runId}-acc`} aria-label={`${col.runId} accuracy`}>
                    accuracy
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {view.classes.map((cls) => (
                <tr key={cls.index} data-testid="class-row" data-hard={String(cls.hard)}>
                  <th scope="row">
                    {cls.name}
                    {cls.hard && !/hard/i.test(cls.name) ? ' (hard)' : ''}
                  </th>
                  {view.columns.map((col) => {
                    const share = col.pickShare?.[cls.index];
                    const accuracy = col.accuracy[cls.index];
                    return [
                      <td key={`${col.runId}-picks`} style={{ background: heatColor(share, 2 / k, 'picks') }}>
                        {percentText(share)}
                      </td>,
                      <td key={`${col.runId}-acc`} style={{ background: heatColor(accuracy, 1, 'accuracy') }}>
                        {percentText(accuracy)}
                      </td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{hasHard ? 'hard-class picks · worst class' : 'worst class'}</th>
                {view.columns.map((col) => [
                  <td key={`${col.runId}-picks`}>{hasHard ? percentText(col.hardPickShare) : ''}</td>,
                  <td key={`${col.runId}-acc`} data-testid="worst-class">
                    {percentText(col.worstAccuracy)}
                  </td>,
                ])}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
