import { describe, expect, it } from 'vitest';
import { POLICIES } from '../selection/policies';
import { decidePipeline } from './pipelinePlan';

const auto = { pipeline: 'auto' as const, pipelineDepth: 2 };

describe('decidePipeline', () => {
  it('auto needs a core each for the learner and the scorer, plus one for the page in the browser', () => {
    const node = { scorerWorkers: true };
    expect(decidePipeline(auto, POLICIES.learnability, { ...node, cores: 2 })).toEqual({ pipelined: true, depth: 2 });
    const browser = { scorerWorkers: true, otherBusyThreads: 1 };
    expect(decidePipeline(auto, POLICIES.learnability, { ...browser, cores: 2 })).toEqual({
      pipelined: false,
      reason: 'pipeline auto: 2 cores here, the pipeline needs 3 or more (one for the learner, one for the scorer, 1 for the page)',
    });
    expect(decidePipeline(auto, POLICIES.learnability, { ...browser, cores: 3 })).toEqual({ pipelined: true, depth: 2 });
    // `on` pipelines whatever the cores.
    expect(decidePipeline({ ...auto, pipeline: 'on' }, POLICIES.learnability, { ...browser, cores: 2 })).toEqual({
      pipelined: true,
      depth: 2,
    });
  });
});
