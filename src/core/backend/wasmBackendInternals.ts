import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** The parts of tfjs-wasm's backend object the lab's wasm kernels use (not in its public typings). */
export interface WasmBackendInternals {
  dataIdMap: { get(dataId: unknown): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  incRef(dataId: unknown): void;
  wasm: { HEAPU8: Uint8Array; wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
}

/** A kernel's result, or null to hand the call to tfjs-wasm's own kernel. */
export type KernelOverride = (args: {
  inputs: tf.NamedTensorInfoMap;
  attrs: tf.NamedAttrMap;
  backend: unknown;
}) => tf.TensorInfo | tf.TensorInfo[] | null;

/**
 * Puts `ours` in front of tfjs-wasm's kernel `name` (once; later wasm backends inherit it): tfjs's
 * own kernel runs whenever `ours` returns null. Nothing happens where tfjs-wasm is not registered.
 */
export function overrideWasmKernel(name: string, ours: KernelOverride): void {
  const original = tf.getKernel(name, 'wasm') as (tf.KernelConfig & { labOverride?: true }) | undefined;
  if (!original || original.labOverride) return;
  const fallback = original.kernelFunc;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    ...original,
    labOverride: true,
    kernelFunc: (args) => ours(args as Parameters<KernelOverride>[0]) ?? fallback(args),
  } as tf.KernelConfig);
}
