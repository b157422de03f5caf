import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** Test helper: switch to a Node backend and fail loudly if it did not take. */
export async function switchToTestBackend(name: 'wasm' | 'cpu'): Promise<void> {
  tf.env().set('PROD', true);
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) throw new Error(`could not switch tfjs to ${name}`);
}
