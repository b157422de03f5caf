import type { Comparison } from '../../core/experiment/resultTypes';
import { isComputePositive } from '../../core/analysis/savings';
import type { LiveRun } from '../experiment/liveState';
import { runLabel } from '../experiment/policyStyles';
import { formatPercent, formatSaving } from '../experiment/formatters';

interface Props {
  comparisons: Comparison[];
  runs: LiveRun[];
  /** What a* measures ("test accuracy", "zero-shot accuracy"). */
  metric?: string;
}

function steps(value: number | null): string {
  return value === null ? 'not reached' : String(Math.round(value));
}

/** The run id a comparison belongs to: the live run with that policy and scorer, else policy@scorer. */
function runIdOf(c: Comparison, runs: LiveRun[]): string {
  return runs.find((r) => r.policy === c.policy && r.scorer === c.scorer && r.policy !== 'uniform')?.id ?? runLabel(c.policy, c.scorer);
}

function positiveText(c: Comparison): string {
  if (c.computePositive === null) return 'not reached';
  return c.computePositive ? 'yes' : 'no';
}

/** Break-even check from learner saving and overhead alone: (1 − s)(1 + o) < 1. */
function breakEvenText(c: Comparison): string {
  if (c.learnerSaving === null) return `o = ${c.overheadRatio.toFixed(2)}`;
  const spend = (1 - c.learnerSaving) * (1 + c.overheadRatio);
  const verdict = isComputePositive(c.learnerSaving, c.overheadRatio) ? 'below' : 'not below';
  return `o = ${c.overheadRatio.toFixed(2)}; (1 − s)(1 + o) = ${spend.toFixed(2)}, ${verdict} 1`;
}

function savingClass(value: number | null): string | undefined {
  if (value === null) return 'savings-missing';
  return value > 0 ? 'ok' : 'bad';
}

/** Savings of each active run against the IID baseline at a*; null is "not reached", never 0. */
/** "uniform: image→text 50.8%, text→image 59.5%" for each finished run evaluated by retrieval. */
function retrievalText(runs: LiveRun[]): string | null {
  const parts = runs.flatMap((r) => {
    const recall = r.finished?.retrieval;
    return recall ? [`${r.id}: image→text ${formatPercent(recall.imageToText)}, text→image ${formatPercent(recall.textToImage)}`] : [];
  });
  return parts.length > 0 ? `Final recall@1 on the clean test set — ${parts.join('; ')}.` : null;
}

/**
 * "uniform: learner 74.0%; learnability@ViT-Mi/8: learner 81.3%, online 60.1%, reference 66.5%": the
 * final clean test accuracy of every finished run's models, so a reader sees whether the scorers are
 * bad students (below the learner) or better teachers.
 */
export function modelAccuracyText(runs: LiveRun[], metric: string): string | null {
  const parts = runs.flatMap((r) => {
    const run = r.finished;
    if (!run) return [];
    const models = [`learner ${formatPercent(run.final.testAccuracy)}`];
    if (run.onlineTestAccuracy !== null && run.onlineTestAccuracy !== undefined)
      models.push(`online ${formatPercent(run.onlineTestAccuracy)}`);
    if (run.referenceTestAccuracy !== null && run.referenceTestAccuracy !== undefined)
      models.push(`reference ${formatPercent(run.referenceTestAccuracy)}`);
    return [`${r.id}: ${models.join(', ')}`];
  });
  return parts.length > 0 ? `Final ${metric} on the clean test set — ${parts.join('; ')}.` : null;
}

export function SavingsPanel({ comparisons, runs, metric = 'test accuracy' }: Props) {
  const retrieval = retrievalText(runs);
  const accuracies = modelAccuracyText(runs, metric);
  return (
    <section className="panel savings-panel" aria-labelledby="savings-title" data-testid="savings-panel">
      <h2 id="savings-title">Savings</h2>
      {comparisons.length === 0 ? (
        <p className="hint">Savings appear when the IID baseline and an active run have finished.</p>
      ) : (
        <div className="savings-scroll">
          <table className="savings-table">
            <caption>
              Savings vs IID
              {comparisons[0] ? ` (a* = ${formatPercent(comparisons[0].targetAccuracy)} ${metric})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Learner saving</th>
                <th scope="col">Compute saving</th>
                <th scope="col">Compute saving incl. reference pretraining</th>
                <th scope="col">Wall saving</th>
                <th scope="col">Steps to a* (IID)</th>
                <th scope="col">Compute-positive</th>
                <th scope="col">Overhead</th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map((c) => {
                const id = runIdOf(c, runs);
                return (
                  <tr key={id} data-testid={`saving-${id}`}>
                    <th scope="row">{id}</th>
                    <td className={savingClass(c.learnerSaving)}>{formatSaving(c.learnerSaving)}</td>
                    <td className={savingClass(c.computeSaving)}>{formatSaving(c.computeSaving)}</td>
                    <td className={savingClass(c.computeSavingWithPretraining)}>{formatSaving(c.computeSavingWithPretraining)}</td>
                    <td className={savingClass(c.wallSaving)}>{formatSaving(c.wallSaving)}</td>
                    <td>
                      {steps(c.stepsToTarget)} vs {steps(c.iidStepsToTarget)}
                    </td>
                    <td className={c.computePositive === null ? 'savings-missing' : c.computePositive ? 'ok' : 'bad'}>{positiveText(c)}</td>
                    <td className="savings-overhead">{breakEvenText(c)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint savings-note">
            Savings are 1 − active ÷ IID to reach a*, in learner steps, total training FLOPs and wall time. An active run is
            compute-positive when it reaches a* with fewer FLOPs than IID, i.e. when (1 − learner saving)(1 + overhead o) &lt; 1.
          </p>
          {accuracies && (
            <p className="hint" data-testid="model-accuracy">
              {accuracies}
            </p>
          )}
          {retrieval && (
            <p className="hint" data-testid="retrieval-recall">
              {retrieval}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
