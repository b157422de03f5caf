import type { ExperimentConfig } from '../config/experimentConfig';
import type { SelectionPolicy } from '../selection/selectionPolicy';

/** Whether a run trains pipelined (scorer side ahead of the learner side), and why not when it was asked for. */
export type PipelineDecision = { pipelined: true; depth: number } | { pipelined: false; reason: string | null };

/** What the host offers: its core count, and whether it can start a scorer in a worker of its own. */
export interface PipelineHost {
  cores: number;
  scorerWorkers: boolean;
  /**
   * Threads the host keeps busy besides the learner and the scorer: the browser's page (it must stay
   * responsive while both workers train) is 1; the Node CLI has none.
   */
  otherBusyThreads?: number;
}

/**
 * Decides one run's schedule (docs/architecture.md, "Pipeline"). `off`: sequential, no reason given.
 * `auto`: pipelined where the host has a core each for the learner, the scorer and whatever else it
 * keeps busy (the browser's page: ≥ 3 cores; Node: ≥ 2), and scorer workers; `on`: pipelined even without
 * workers (in-process, for tests). Whatever the decision, the run computes the same picks and curve:
 * only policies whose scorer side needs no learner weights are pipelined.
 */
export function decidePipeline(
  config: Pick<ExperimentConfig, 'pipeline' | 'pipelineDepth'>,
  policy: SelectionPolicy,
  host: PipelineHost,
): PipelineDecision {
  if (config.pipeline === 'off') return { pipelined: false, reason: null };
  const needed = 2 + (host.otherBusyThreads ?? 0);
  if (config.pipeline === 'auto' && host.cores < needed)
    return {
      pipelined: false,
      reason:
        `pipeline auto: ${host.cores} core${host.cores === 1 ? '' : 's'} here, the pipeline needs ${needed} or more` +
        (host.otherBusyThreads ? ` (one for the learner, one for the scorer, ${host.otherBusyThreads} for the page)` : ''),
    };
  if (config.pipeline === 'auto' && !host.scorerWorkers)
    return { pipelined: false, reason: 'pipeline auto: this host cannot start a scorer worker' };
  if (!policy.score) return { pipelined: false, reason: `${policy.name} scores nothing: no scorer side to run ahead` };
  if (policy.models.includes('learner'))
    return {
      pipelined: false,
      reason: `${policy.name} scores with the learner's own weights; a scorer ahead of the learner would read stale ones, so it runs sequentially`,
    };
  return { pipelined: true, depth: config.pipelineDepth };
}
