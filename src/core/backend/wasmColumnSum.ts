import * as tf from '@tensorflow/tfjs';
import { compileColumnSum, type ColumnSum } from './columnSumKernel';
import { overrideWasmKernel, type WasmBackendInternals } from './wasmBackendInternals';

/**
 * tfjs-wasm's Sum over the first axis of a 2-D float32 tensor (every bias gradient) on a generated
 * SIMD column sum (columnSumKernel.ts) instead of a transpose followed by row sums: the same
 * additions in the same order, so the same values. Other sums go to tfjs's kernel.
 */
const compiled = new WeakMap<WebAssembly.Memory, Map<number, ColumnSum | null>>();

function kernelFor(memory: WebAssembly.Memory, columns: number): ColumnSum | null {
  let byColumns = compiled.get(memory);
  if (!byColumns) compiled.set(memory, (byColumns = new Map()));
  if (!byColumns.has(columns)) {
    let kernel: ColumnSum | null = null;
    try {
      kernel = compileColumnSum(memory, columns);
    } catch {
      kernel = null; // no wasm SIMD, or synchronous compilation refused: tfjs's kernel runs instead
    }
    byColumns.set(columns, kernel);
  }
  return byColumns.get(columns) ?? null;
}

type SumArgs = { inputs: { x: tf.TensorInfo }; attrs: { axis: number | number[]; keepDims: boolean }; backend: unknown };

function columnSum({ inputs: { x }, attrs, backend }: SumArgs): tf.TensorInfo | null {
  if (x.dtype !== 'float32' || x.shape.length !== 2) return null;
  const axes = tf.util.parseAxisParam(attrs.axis, x.shape);
  const [rows, columns] = x.shape as [number, number];
  if (axes.length !== 1 || axes[0] !== 0 || rows === 0 || columns === 0) return null;
  const wasm = backend as WasmBackendInternals;
  const memory = wasm.wasm.wasmMemory ?? wasm.wasm.asm?.memory ?? null;
  const kernel = memory === null ? null : kernelFor(memory, columns);
  if (kernel === null) return null;
  const out = wasm.makeOutput(attrs.keepDims ? [1, columns] : [columns], 'float32');
  kernel(wasm.dataIdMap.get(x.dataId)?.memoryOffset as number, wasm.dataIdMap.get(out.dataId)?.memoryOffset as number, rows);
  return out;
}

/** Puts the column sum in front of tfjs-wasm's Sum. */
export function installWasmColumnSum(): void {
  overrideWasmKernel('Sum', (args) => columnSum(args as unknown as SumArgs));
}
