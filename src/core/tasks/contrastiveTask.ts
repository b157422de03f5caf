import * as tf from '@tensorflow/tfjs';
import { twoTowerForwardFlops, type TextShape } from '../accounting/twoTowerFlops';
import type { CaptionTable } from '../data/shapeCaptions';
import type { TrainableModel } from '../models/trainableModel';
import { TwoTowerModel } from '../models/twoTowerModel';
import { parseVitVariant, type VitSpec } from '../models/vitVariants';
import { negativePairSimilarity, symmetricInfoNce } from '../train/contrastiveLoss';
import { zeroShotEvaluate } from '../train/zeroShotEvaluate';
import type { Task } from './task';

function twoTower(model: TrainableModel): TwoTowerModel {
  if (!(model instanceof TwoTowerModel)) throw new Error(`contrastive task: ${model.variant} is not a two-tower image–text model`);
  return model;
}

function imageTower(variant: string): VitSpec {
  const parsed = parseVitVariant(variant);
  if (!parsed.ok) throw new Error(`contrastive task: the image tower must be a ViT variant; ${parsed.message}`);
  return parsed.spec;
}

/**
 * ActiveCLIP (Evans et al. 2024, §4): the learner trains with the symmetric contrastive loss over its
 * sub-batch, while the scorers (online student, reference) score each pair alone by −ẑ_I·ẑ_T, so
 * scoring a super-batch needs no batch-wide softmax. Labels are caption ids; the caption table turns
 * them into tokens on the device. Evaluation: zero-shot accuracy with every caption as a class prompt.
 */
export function createContrastiveTask(captions: CaptionTable, embeddingDim: number): Task {
  const K = captions.tokens.length / captions.length;
  if (!Number.isInteger(K) || K < 2)
    throw new Error(`contrastive task: ${captions.tokens.length} caption tokens do not make whole captions of ${captions.length}`);
  const table = tf.tensor2d(captions.tokens, [K, captions.length], 'int32'); // [K, L]
  const text: TextShape = { vocabulary: captions.vocabulary.length, length: captions.length };
  const tokensOf = (labels: tf.Tensor1D) => tf.gather(table, labels) as tf.Tensor2D; // [B, L]
  return {
    kind: 'contrastive',
    createModel: (variant, input, seed) => new TwoTowerModel(imageTower(variant), input, text, embeddingDim, seed),
    forwardFlops: (variant, input) => twoTowerForwardFlops(imageTower(variant), input, text, embeddingDim).total,
    towerFlops: (variant, input) => {
      const { image, text: textFlops } = twoTowerForwardFlops(imageTower(variant), input, text, embeddingDim);
      return { image, text: textFlops };
    },
    trainingLoss: (model, images, labels, labelSmoothing) => {
      const m = twoTower(model);
      return symmetricInfoNce(m.embedImages(images), m.embedTexts(tokensOf(labels)), m.logitScale(), labelSmoothing);
    },
    perExampleLosses: (model, images, labels) => {
      const m = twoTower(model);
      return negativePairSimilarity(m.embedImages(images), m.embedTexts(tokensOf(labels)));
    },
    evaluate: (model, split) => zeroShotEvaluate(twoTower(model), split, table),
    dispose: () => table.dispose(),
  };
}
