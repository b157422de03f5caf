import type { ExperimentConfig } from '../config/experimentConfig';
import type { Dataset } from '../data/dataset';
import { CLASSIFICATION_TASK } from './classificationTask';
import { createContrastiveTask } from './contrastiveTask';
import type { Task } from './task';

/** The dataset decides the task: paired image–caption data trains contrastively, labelled images classify. */
export function taskForDataset(dataset: Pick<Dataset, 'captions'>, config: Pick<ExperimentConfig, 'embeddingDim'>): Task {
  return dataset.captions ? createContrastiveTask(dataset.captions, config.embeddingDim) : CLASSIFICATION_TASK;
}
