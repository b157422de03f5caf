import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stepPhaseFlops } from '../accounting/stepLedger';
import { referenceBatchSize, superBatchSize, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { PRESETS } from '../config/presets';
import { validateConfig } from '../config/validateConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import type { ExperimentEvent, SelectionSample } from '../experiment/events';
import { runExperiment } from '../experiment/runExperiment';
import { switchToTestBackend } from '../testing/testBackend';
import type * as PolicyRegistry from './policies';
import { POLICIES } from './policies';
import type { LossesByModel, SelectionPolicy } from './selectionPolicy';

/**
 * "A new policy is one file plus one registry line": two policies that exist only in this test (their
 * score functions are here, their registry lines are the vi.mock below), handled by the config
 * validation, the FLOP ledger and the run loop without any other edit.
 */
const TEST_POLICIES = vi.hoisted(() => {
  const studentHard: SelectionPolicy = {
    name: 'student-hard',
    label: 'Student-hard (test only)',
    description: 'Pick what the small online student gets most wrong.',
    models: ['online'],
    score: (l: LossesByModel) => Float32Array.from(l.online!),
  };
  const consensus: SelectionPolicy = {
    name: 'consensus',
    label: 'Consensus (test only)',
    description: 'Hard for the learner and the student, easy for the reference.',
    models: ['learner', 'online', 'reference'],
    score: (l: LossesByModel) => l.learner!.map((x, i) => x + l.online![i]! - 2 * l.reference![i]!),
  };
  return { 'student-hard': studentHard, consensus };
});

vi.mock('./policies', async (importOriginal) => {
  const actual = await importOriginal<typeof PolicyRegistry>();
  const registry = { ...actual.POLICIES, ...TEST_POLICIES };
  return { ...actual, POLICIES: registry, POLICY_NAMES: Object.keys(registry) };
});

const studentHard = 'student-hard' as PolicyName;
const consensus = 'consensus' as PolicyName;

describe('a policy registered in one line (test-only policies)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('config validation accepts the new names, and asks for a held-out split only when the policy scores with a reference', () => {
    expect(validateConfig({ policies: ['uniform', studentHard], heldOutSize: 0 })).toMatchObject({ ok: true });
    const withReference = validateConfig({ policies: [consensus], heldOutSize: 0 });
    expect(withReference.ok).toBe(false);
    if (!withReference.ok) expect(withReference.errors.map((e) => e.field)).toEqual(['heldOutSize']);
    const unknown = validateConfig({ policies: ['nope'] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]?.message).toMatch(/student-hard, consensus/);
  });

  it('the ledger charges each scoring model on the super-batch, the online student and an online reference iff it scores with them', () => {
    const base = {
      referenceMode: 'online' as const,
      learnerFlops: 1000,
      onlineFlops: 10,
      referenceFlops: 7,
      batchSize: 4,
      superBatchSize: 8,
      referenceBatchSize: 40,
    };
    expect(stepPhaseFlops({ ...base, models: POLICIES[studentHard].models })).toEqual({
      learner: 3 * 1000 * 4,
      scoring: 10 * 8,
      online: 3 * 10 * 4,
      reference: 0,
    });
    expect(stepPhaseFlops({ ...base, models: POLICIES[consensus].models })).toEqual({
      learner: 3 * 1000 * 4,
      scoring: (1000 + 10 + 7) * 8,
      online: 3 * 10 * 4,
      reference: 3 * 7 * 40,
    });
  });

  it.each(['online', 'held-out'] as const)('runPolicy trains, scores and books both new policies (%s reference)', async (referenceMode) => {
    const config: ExperimentConfig = {
      ...microConfig(),
      steps: 6,
      evalEvery: 3,
      referencePretrainSteps: 5,
      referenceMode,
      policies: [studentHard, consensus],
    };
    const samples = new Map<string, SelectionSample>();
    const emit = (e: ExperimentEvent) => void (e.type === 'selection' && samples.set(e.runId, e.sample));
    const result = await runExperiment(config, buildSyntheticDataset(config), { backend: 'wasm', emit });
    expect(result.failure).toBeUndefined();
    expect(result.runs.map((r) => r.id)).toEqual(['uniform', `student-hard@${config.scorer}`, `consensus@${config.scorer}`]);
    for (const run of result.runs.slice(1)) {
      const models = POLICIES[run.policy].models;
      const { learner: learnerFlops, scorer } = run.modelFlops;
      const sizes = { batchSize: config.batchSize, superBatchSize: superBatchSize(config), referenceBatchSize: referenceBatchSize(config) };
      const perStep = stepPhaseFlops({ models, referenceMode, learnerFlops, onlineFlops: scorer!, referenceFlops: scorer!, ...sizes });
      expect(run.final.steps).toBe(6);
      expect(run.phaseFlops).toEqual({
        learner: 6 * perStep.learner,
        scoring: 6 * perStep.scoring,
        online: 6 * perStep.online,
        reference: 6 * perStep.reference,
      });
      expect(run.phaseFlops.online).toBeGreaterThan(0);
      expect(run.referencePretrainFlops > 0).toBe(referenceMode === 'held-out' && models.includes('reference'));
      const sample = samples.get(run.id);
      expect(Object.keys(sample?.losses ?? {}).sort()).toEqual([...models].sort());
      expect(sample?.scores).toHaveLength(superBatchSize(config));
      expect(sample?.selected).toHaveLength(config.batchSize);
    }
  });
});

function microConfig(): ExperimentConfig {
  const result = validateConfig(PRESETS.micro.config);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}
