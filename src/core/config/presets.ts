import type { ExperimentConfig } from './experimentConfig';

/**
 * Named starting points, each stating what it shows. docs/science.md explains how each is built and
 * what it measures. The classification presets aim for bad students (scorers whose clean test accuracy
 * ends ≥ 10 points below the IID learner's; docs/science.md says on which presets and seeds they do and
 * where not yet): half the synthetic classes need fine detail, the references pretrain briefly, and the
 * training split is large enough that no example is drawn twice (one pass, as in the paper).
 */
export interface Preset {
  name: string;
  title: string;
  /** One line a teacher can read out. */
  explanation: string;
  config: Partial<ExperimentConfig>;
  /** A scorer ladder to sweep (the Pareto chart fills in one point per rung). */
  scorers?: readonly string[];
}

/** Mixed difficulty: classes 0–4 clean-ish (σ 0.5), classes 5–9 noisy (σ 1.5), in every split. */
const mixedDifficulty: Partial<ExperimentConfig> = { pixelNoise: 0.5, hardPixelNoise: 1.5 };

/**
 * Mixed difficulty by capacity: classes 5–9 share one shape and differ only in a few small dots; one
 * pass over 52k examples (400 steps × B = 128 draws never repeat one).
 */
const fineDetail: Partial<ExperimentConfig> = { pixelNoise: 0.5, hardPixelNoise: 0.5, hardClassStyle: 'fine-detail', trainSize: 52_000 };

const activeDefaults: Partial<ExperimentConfig> = {
  learner: 'ViT-Ti/4',
  scorer: 'ViT-Mi/8',
  steps: 400,
  evalEvery: 25,
  testSize: 1000,
  batchSize: 64,
  filterRatio: 2,
  temperature: 0.1,
  referencePretrainSteps: 400,
};

/**
 * Classification presets: a learner budget at which the ViT-Ti/4 learner outgrows its ViT-Mi/8
 * scorers (learning rate 2e-3), and a reference pretrained on 100 × B held-out examples, half of what
 * the learner sees: the reference ends ≥ 10 points below the IID learner (docs/science.md).
 */
const badStudents: Partial<ExperimentConfig> = { ...activeDefaults, learningRate: 2e-3, referencePretrainSteps: 100 };

export const PRESETS = {
  'noisy-labels': {
    name: 'noisy-labels',
    title: 'Noisy labels (default)',
    explanation:
      '30% of labels are wrong and half the classes differ only in small dots; the Mi/8 scorers mostly end below the learner. Learnability picks a third fewer wrong labels than IID and leads easy-first; docs/science.md shows where it falls short.',
    config: { ...badStudents, ...fineDetail, labelNoise: 0.3, policies: ['uniform', 'learnability', 'hard', 'easy'] },
  },
  clean: {
    name: 'clean',
    title: 'Clean data',
    explanation:
      'No label noise, the same dotted classes: nothing to filter, so learnability has little to gain and plain hard-example mining (the learner’s own loss) is the policy to beat.',
    config: { ...badStudents, ...fineDetail, labelNoise: 0, policies: ['uniform', 'hard', 'learnability'] },
  },
  unlearnable: {
    name: 'unlearnable',
    title: 'Unlearnable examples',
    explanation: '25% of images are pure noise with random labels: hard-first chases them, learnability learns to ignore them.',
    config: { ...badStudents, ...fineDetail, unlearnableFraction: 0.25, policies: ['uniform', 'hard', 'learnability'] },
  },
  'mnist-noisy': {
    name: 'mnist-noisy',
    title: 'MNIST, 30% noisy labels',
    explanation:
      'Handwritten digits with 30% of labels flipped to another digit, scored by Mi/8 students with a short reference pretraining.',
    config: {
      ...badStudents,
      dataset: 'mnist',
      trainSize: 6000,
      heldOutSize: 2000,
      labelNoise: 0.3,
      policies: ['uniform', 'learnability', 'hard', 'easy'],
    },
  },
  'fashion-noisy': {
    name: 'fashion-noisy',
    title: 'Fashion-MNIST, 30% noisy labels',
    explanation:
      'Clothing images, some classes easily confused (shirt vs T-shirt), with 30% of labels flipped, scored by Mi/8 students with a short reference pretraining.',
    config: {
      ...badStudents,
      dataset: 'fashion-mnist',
      trainSize: 8000,
      heldOutSize: 4000,
      labelNoise: 0.3,
      policies: ['uniform', 'learnability', 'hard', 'easy'],
    },
  },
  'scorer-ladder': {
    name: 'scorer-ladder',
    title: 'Scorer ladder',
    explanation:
      'The default task scored by ever smaller students (Mi/4 → Mu/8), learnability next to easy-first: how small can a teacher be and still pay for itself, and which policy breaks first?',
    config: { ...badStudents, ...fineDetail, labelNoise: 0.3, policies: ['uniform', 'learnability', 'easy'] },
    scorers: ['ViT-Mi/4', 'ViT-Mi/8', 'ViT-Mu/4', 'ViT-Mu/8'],
  },
  'activeclip-noisy': {
    name: 'activeclip-noisy',
    title: 'ActiveCLIP: noisy captions',
    explanation:
      'Image–caption pairs, 25% with a mismatched caption: a two-tower learner trains contrastively while tiny scorers rank pairs by their image–text dot product.',
    // 200 reference steps keep the reference a bad student (zero-shot 20–44% vs IID's 46–60%, seeds 0–2); 300 made it beat IID.
    config: {
      ...activeDefaults,
      dataset: 'captioned-shapes',
      pixelNoise: 0.1,
      hardPixelNoise: 0.2,
      labelNoise: 0.25,
      steps: 300,
      referencePretrainSteps: 200,
      policies: ['uniform', 'learnability'],
    },
  },
  'rho-saturated': {
    name: 'rho-saturated',
    title: 'RHO on data IID nearly masters',
    explanation:
      'Clean, easy images that IID learns to 97–100%: RHO scores with the learner itself, so scoring costs more than the updates it saves (the paper: −79% compute).',
    config: { ...activeDefaults, pixelNoise: 0.5, hardPixelNoise: 0.5, labelNoise: 0, policies: ['uniform', 'rho'] },
  },
  micro: {
    name: 'micro',
    title: 'Micro (seconds)',
    explanation: 'A tiny run that finishes in seconds: for trying the controls, not for conclusions.',
    config: {
      ...mixedDifficulty,
      labelNoise: 0.2,
      learner: 'ViT-Mi/4',
      scorer: 'ViT-Mu/8',
      trainSize: 1024,
      heldOutSize: 512,
      testSize: 200,
      steps: 40,
      evalEvery: 10,
      batchSize: 16,
      referencePretrainSteps: 20,
      policies: ['uniform', 'learnability'],
    },
  },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
export const DEFAULT_PRESET: PresetName = 'noisy-labels';
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** Own presets only: `constructor`, `toString` and other inherited names are not presets. */
export function findPreset(name: string): Preset | { error: string } {
  return Object.hasOwn(PRESETS, name)
    ? PRESETS[name as PresetName]
    : { error: `preset: "${name}" is not a preset; allowed values: ${PRESET_NAMES.join(', ')}` };
}
