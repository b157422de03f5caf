import type * as tf from '@tensorflow/tfjs';
import { overrideWasmKernel, type WasmBackendInternals } from './wasmBackendInternals';

/**
 * Identity on wasm shares its input's memory (reference-counted, as Reshape already does and as
 * tfjs's cpu backend does for Identity) instead of copying it. tfjs clones every tensor an op saves
 * for its gradient through Identity, so on wasm each saved activation used to be copied once per step.
 * Tensors are immutable (a variable's assign swaps its data), so sharing is safe.
 */
export function installWasmIdentity(): void {
  overrideWasmKernel('Identity', ({ inputs, backend }) => {
    const x = inputs.x as tf.TensorInfo;
    if (x.dtype === 'string') return null;
    (backend as WasmBackendInternals).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}
