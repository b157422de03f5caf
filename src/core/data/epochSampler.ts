import { createRng, shuffleInPlace, type Rng, type RngState } from '../random/rng';

/** Where a sampler stands: the current permutation, the cursor in it, and its generator (checkpoints). */
export interface EpochSamplerState {
  size: number;
  order: number[];
  cursor: number;
  epochCount: number;
  rng: RngState;
}

/**
 * Uniform batches without replacement within an epoch: a seeded permutation is consumed in order
 * and redrawn when exhausted. A batch never repeats an index (a short tail is topped up from a new
 * epoch's permutation, skipping indices already in the batch).
 */
export class EpochSampler {
  private readonly rng: Rng;
  private order: number[] = [];
  private cursor = 0;
  private epochCount = 0;

  constructor(
    private readonly size: number,
    seed: number,
    resumeFrom?: EpochSamplerState,
  ) {
    if (size <= 0) throw new Error('EpochSampler: the split is empty');
    if (resumeFrom) {
      if (resumeFrom.size !== size || resumeFrom.order.length !== size || resumeFrom.cursor < 0 || resumeFrom.cursor > size) {
        throw new Error(
          `EpochSampler: the checkpoint is for a split of ${resumeFrom.size} examples (cursor ${resumeFrom.cursor}), this split has ${size}`,
        );
      }
      this.rng = createRng(seed, resumeFrom.rng);
      this.order = [...resumeFrom.order];
      this.cursor = resumeFrom.cursor;
      this.epochCount = resumeFrom.epochCount;
    } else {
      this.rng = createRng(seed);
      this.reshuffle();
    }
  }

  snapshot(): EpochSamplerState {
    return { size: this.size, order: [...this.order], cursor: this.cursor, epochCount: this.epochCount, rng: this.rng.snapshot() };
  }

  get epoch(): number {
    return this.epochCount;
  }

  next(batchSize: number): Int32Array {
    if (batchSize > this.size) throw new Error(`EpochSampler: batch of ${batchSize} from a split of ${this.size}`);
    const batch = new Int32Array(batchSize);
    const taken = new Set<number>();
    let filled = 0;
    while (filled < batchSize) {
      if (this.cursor >= this.order.length) this.reshuffle();
      const index = this.order[this.cursor++] as number;
      if (taken.has(index)) continue;
      taken.add(index);
      batch[filled++] = index;
    }
    return batch;
  }

  private reshuffle(): void {
    this.order = shuffleInPlace(
      Array.from({ length: this.size }, (_, i) => i),
      this.rng,
    );
    this.cursor = 0;
    this.epochCount++;
  }
}
