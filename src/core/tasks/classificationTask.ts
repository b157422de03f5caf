import { isImageClassifier, type ImageClassifier } from '../models/imageClassifier';
import { createModel, modelForwardFlops } from '../models/modelRegistry';
import type { TrainableModel } from '../models/trainableModel';
import { evaluate } from '../train/evaluate';
import { perExampleCrossEntropy, smoothedCrossEntropy } from '../train/losses';
import type { Task } from './task';

function classifier(model: TrainableModel): ImageClassifier {
  if (!isImageClassifier(model)) throw new Error(`classification task: ${model.variant} is not an image classifier`);
  return model;
}

/** ClassAct: image classification, cross-entropy for the learner (label-smoothed) and the scorers (plain). */
export const CLASSIFICATION_TASK: Task = {
  kind: 'classification',
  createModel,
  forwardFlops: modelForwardFlops,
  trainingLoss: (model, images, labels, labelSmoothing) => smoothedCrossEntropy(classifier(model).logits(images), labels, labelSmoothing),
  perExampleLosses: (model, images, labels) => perExampleCrossEntropy(classifier(model).logits(images), labels),
  evaluate: (model, split) => evaluate(classifier(model), split),
  dispose: () => {},
};
