import type * as tf from '@tensorflow/tfjs';
import { compileSmallMatMul, smallMatMulFits, type SmallMatMul } from './smallMatMulKernel';
import { overrideWasmKernel, type WasmBackendInternals } from './wasmBackendInternals';

/**
 * tfjs-wasm's BatchMatMul, with batched small matrices sent to a generated SIMD kernel
 * (smallMatMulKernel.ts) instead of tfjs-wasm's scalar fallback, which it uses for every matmul
 * with a batch dimension (measured ~1 GFLOP/s on the attention's [256, 17, 12]·[256, 12, 17]).
 * Plain 2-D matmuls, transposed operands and shapes the kernel does not cover go to tfjs's own
 * kernel (XNNPACK for the 2-D case), unchanged. Same numbers bit for bit (see the kernel's note).
 */

type KernelArgs = { inputs: { a: tf.TensorInfo; b: tf.TensorInfo }; attrs: { transposeA: boolean; transposeB: boolean }; backend: unknown };

/** Generated kernels per wasm memory (a backend restart brings a new memory) and shape. */
const compiled = new WeakMap<WebAssembly.Memory, Map<string, SmallMatMul | null>>();

function kernelFor(memory: WebAssembly.Memory, m: number, k: number, n: number): SmallMatMul | null {
  let byShape = compiled.get(memory);
  if (!byShape) compiled.set(memory, (byShape = new Map()));
  const key = `${m},${k},${n}`;
  if (!byShape.has(key)) {
    let kernel: SmallMatMul | null = null;
    try {
      kernel = compileSmallMatMul(memory, m, k, n);
    } catch {
      kernel = null; // e.g. no wasm SIMD, or synchronous compilation refused: tfjs's kernel runs instead
    }
    byShape.set(key, kernel);
  }
  return byShape.get(key) ?? null;
}

function memoryOf(backend: WasmBackendInternals): WebAssembly.Memory | null {
  return backend.wasm.wasmMemory ?? backend.wasm.asm?.memory ?? null;
}

const batchSize = (shape: number[]) => shape.slice(0, -2).reduce((p, d) => p * d, 1);

/**
 * Runs the generated kernel when it applies: both operands ≥ 3-D, untransposed, a batch larger than
 * one with the same batch shape on both sides or one side a single matrix. Otherwise null.
 */
function trySmallBatchMatMul({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo | null {
  const { a, b } = inputs;
  if (attrs.transposeA || attrs.transposeB || a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (a.shape.length < 3 || b.shape.length < 3 || a.shape.length !== b.shape.length) return null;
  const batchA = batchSize(a.shape);
  const batchB = batchSize(b.shape);
  const sameBatch = a.shape.slice(0, -2).every((d, i) => d === b.shape[i]);
  if (!sameBatch && batchA !== 1 && batchB !== 1) return null;
  const batch = Math.max(batchA, batchB);
  const [m, k] = a.shape.slice(-2) as [number, number];
  const [k2, n] = b.shape.slice(-2) as [number, number];
  if (batch < 2 || k !== k2 || !smallMatMulFits(m, k, n)) return null;
  const wasmBackend = backend as WasmBackendInternals;
  const memory = memoryOf(wasmBackend);
  const aData = wasmBackend.dataIdMap.get(a.dataId);
  const bData = wasmBackend.dataIdMap.get(b.dataId);
  if (memory === null || !aData || !bData) return null;
  const kernel = kernelFor(memory, m, k, n);
  if (kernel === null) return null;
  const outShape = [...(batchA >= batchB ? a.shape : b.shape).slice(0, -2), m, n];
  const out = wasmBackend.makeOutput(outShape, 'float32');
  const outData = wasmBackend.dataIdMap.get(out.dataId) as { memoryOffset: number };
  kernel(aData.memoryOffset, bData.memoryOffset, outData.memoryOffset, batch, batchA === 1 ? 0 : 4 * m * k, batchB === 1 ? 0 : 4 * k * n);
  return out;
}

/** Puts the SIMD path in front of tfjs-wasm's BatchMatMul. */
export function installWasmBatchMatMul(): void {
  overrideWasmKernel('BatchMatMul', (args) => trySmallBatchMatMul(args as unknown as KernelArgs));
}
