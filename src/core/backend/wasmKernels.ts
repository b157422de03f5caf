import { installWasmBatchMatMul } from './wasmBatchMatMul';
import { installWasmColumnSum } from './wasmColumnSum';
import { installWasmIdentity } from './wasmIdentity';
import { installWasmSlice } from './wasmSlice';

/**
 * The lab's replacements for tfjs-wasm kernels that were slow for its models, each giving the same
 * values as the kernel it replaces: batched small matmuls and column sums on generated SIMD code,
 * slices that copy only what they take, and an Identity that shares memory. Installed once, on
 * import; every wasm backend started afterwards (including a restart with another thread count) uses them.
 */
export function installWasmKernels(): void {
  installWasmBatchMatMul();
  installWasmSlice();
  installWasmIdentity();
  installWasmColumnSum();
}

installWasmKernels();
