import { totalPhaseFlops } from '../accounting/stepLedger';
import { flops } from '../accounting/units';
import { usesScorerModel } from '../selection/selectionPolicy';
import type { EarlyStop } from './earlyStop';
import type { RunResult } from './resultTypes';
import type { RunState } from './runState';

/** The run's result after `steps` steps (its final figures, curve and costs), whether it finished or not. */
export function buildRunResult(state: RunState, steps: number, stoppedEarly?: EarlyStop): RunResult {
  const { config, task, input } = state.ctx;
  const { recorder, heldOutReference, costs } = state;
  const usesScorer = usesScorerModel(state.policy);
  return {
    id: state.runId,
    policy: state.policyName,
    scorer: usesScorer ? config.scorer : null,
    final: {
      testAccuracy: recorder.points[recorder.points.length - 1]?.testAccuracy ?? 0,
      steps,
      flops: totalPhaseFlops(state.phaseFlops),
      wallMs: state.wallMs(),
    },
    curve: recorder.points,
    phaseFlops: state.phaseFlops,
    referencePretrainFlops: heldOutReference?.flops ?? flops(0),
    modelFlops: { learner: costs.learnerFlops, scorer: usesScorer ? costs.scorerFlops : null },
    phaseWallMs: { ...state.phaseWallMs },
    referenceTestAccuracy: heldOutReference?.testAccuracy ?? state.onlineReferenceTestAccuracy,
    onlineTestAccuracy: state.onlineTestAccuracy,
    ...(state.lastRetrieval ? { retrieval: state.lastRetrieval } : {}),
    ...(task.towerFlops
      ? {
          towerFlops: {
            learner: task.towerFlops(config.learner, input),
            scorer: usesScorer ? task.towerFlops(config.scorer, input) : null,
          },
        }
      : {}),
    ...(stoppedEarly ? { stoppedEarly } : {}),
    ...(state.pipelineReport ? { pipeline: state.pipelineReport } : {}),
  };
}
