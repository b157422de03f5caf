import { pixelsPerImage } from '../data/dataset';
import { restoreReference } from '../experiment/checkpoint';
import type { RunContext } from '../experiment/runContext';
import { warmUp } from '../experiment/warmUp';
import { taskForDataset } from '../tasks/taskForDataset';
import { DeviceSplit } from '../train/deviceData';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import type { ScorerMessage } from './scorerMessages';
import { driveScorer, ScorerSide } from './scorerSide';
import { HEARTBEAT_MS, type FromScorerThread, type ScorerThreadData } from './scorerThreadProtocol';

/** The scorer thread's end of its channel: what it posts, and credits as they arrive. */
export interface ScorerThreadPort {
  post(message: FromScorerThread): void;
  /** Registers the handler called once per credit received. */
  onCredit(handler: () => void): void;
  /** Registers the handler called when the learner side asks for `finished` now (a stopped run). */
  onFinish(handler: () => void): void;
}

/**
 * The body of a scorer thread (docs/architecture.md, "Pipeline"), whatever starts it (a Node worker
 * thread, a Web Worker): its tfjs backend is already selected; it puts the data on its device, warms
 * the backend, then makes a sub-batch only while it holds a credit — `depth` at the start, one more
 * each time the learner takes one — and sends a heartbeat every second. Posts `failed` on an error.
 */
export async function serveScorer(data: ScorerThreadData, port: ScorerThreadPort): Promise<void> {
  const { spec, dataset, hangAfter } = data;
  let credits = spec.depth;
  let wake: (() => void) | null = null;
  let sent = 0;
  let silent = false;
  let finishing = false;
  port.onCredit(() => {
    credits++;
    wake?.();
  });
  port.onFinish(() => {
    finishing = true;
    wake?.();
  });
  const heartbeat = setInterval(() => {
    if (!silent) port.post({ type: 'alive' });
  }, HEARTBEAT_MS);
  const room = async () => {
    await yieldToEventLoop(); // lets credits and heartbeats through between steps
    while (credits === 0 && !finishing) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    // Finishing needs no credit: the link's queue holds `depth` sub-batches plus the `finished` message.
    if (credits > 0) credits--;
  };
  const send = (message: ScorerMessage) => {
    if (silent) return;
    port.post({ type: 'message', message });
    if (hangAfter !== undefined && ++sent >= hangAfter) silent = true;
  };
  let side: ScorerSide | null = null;
  const task = taskForDataset(dataset, spec.config);
  const pixels = pixelsPerImage(dataset);
  const train = new DeviceSplit(dataset.train, pixels);
  const test = new DeviceSplit(dataset.test, pixels);
  const input = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
  const ctx: RunContext = { config: spec.config, task, input, train, test, emit: () => {} };
  try {
    if (spec.heldOutReference) ctx.pretrainedReference = restoreReference(task, spec.heldOutReference, spec.config, input);
    // This thread's backend is cold: warm it as the experiment warms the learner's (throwaway copies, same results).
    if (data.warmUp !== false) await warmUp(ctx, [{ policy: spec.policy, scorer: spec.config.scorer }]);
    side = new ScorerSide(ctx, spec);
    port.post({ type: 'ready' });
    await driveScorer(side, room, send, undefined, () => finishing);
  } catch (error) {
    port.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearInterval(heartbeat);
    side?.dispose();
    ctx.pretrainedReference?.model.dispose();
    train.dispose();
    test.dispose();
    task.dispose();
  }
}
