import type { LiveRun } from '../experiment/liveState';
import { pipelineFigures, type PipelineFigures } from './pipelineFigures';

interface Props {
  runs: LiveRun[];
}

function Bar({ label, share, detail, testId }: { label: string; share: number; detail: string; testId: string }) {
  const percent = Math.round(100 * Math.min(1, Math.max(0, share)));
  return (
    <div className="pipeline-row" data-testid={testId} data-value={percent}>
      <span className="pipeline-label">{label}</span>
      <span className="pipeline-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className="pipeline-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="pipeline-value">{detail}</span>
    </div>
  );
}

function Figures({ f }: { f: PipelineFigures }) {
  return (
    <>
      <p className="hint">
        {f.runId}: {f.live ? 'training' : 'finished'}, scorer worker up to {f.depth} sub-batch{f.depth === 1 ? '' : 'es'} ahead of the
        learner.
      </p>
      <Bar label="Learner worker busy" share={f.learnerBusy} detail={`${Math.round(100 * f.learnerBusy)}%`} testId="pipeline-learner" />
      <Bar label="Scorer worker busy" share={f.scorerBusy} detail={`${Math.round(100 * f.scorerBusy)}%`} testId="pipeline-scorer" />
      <Bar
        label="Queue fill"
        share={f.depth > 0 ? f.queueFill / f.depth : 0}
        detail={`${f.queueFill.toFixed(f.live ? 0 : 1)} / ${f.depth}`}
        testId="pipeline-queue"
      />
    </>
  );
}

/**
 * The two workers of a pipelined run (docs/architecture.md, "Pipeline"): how busy the learner and the
 * scorer are over the run's wall time, and how full the queue between them is. A learner near 100%
 * busy means selection costs it no wall time.
 */
export function PipelineView({ runs }: Props) {
  const figures = pipelineFigures(runs);
  return (
    <section className="panel pipeline-view" aria-labelledby="pipeline-title" data-testid="pipeline-view">
      <h2 id="pipeline-title">Learner and scorer workers</h2>
      {figures ? (
        <Figures f={figures} />
      ) : (
        <p className="hint">
          No pipelined run yet: with the pipeline on, the scorers of learnability and easy-first run in their own worker ahead of the
          learner (hard and RHO read the learner, so they run in one worker).
        </p>
      )}
    </section>
  );
}
