import * as tf from '@tensorflow/tfjs';
import { overrideWasmKernel, type WasmBackendInternals } from './wasmBackendInternals';

/**
 * tfjs-wasm's Slice and SplitV read the whole input out of the wasm heap (a copy) for every slice
 * taken: AdamW's split of the flat parameter vector into ~40 tensors copied it ~40 times per step.
 * These copy only the sliced elements, as runs of contiguous memory inside the heap. Same values.
 */

const typedArrays = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;
type NumericDtype = keyof typeof typedArrays;

function strides(shape: number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] as number) * (shape[i + 1] as number);
  return out;
}

/** Copies x[begin : begin + size] into a new output, run by run; null for dtypes it does not handle. */
export function sliceInHeap(backend: WasmBackendInternals, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo | null {
  if (!(x.dtype in typedArrays)) return null;
  const dtype = x.dtype as NumericDtype;
  const out = backend.makeOutput(size, dtype); // may grow the heap: views are taken after it
  const total = size.reduce((p, d) => p * d, 1);
  if (total === 0) return out;
  const Typed = typedArrays[dtype];
  const heap = new Typed(backend.wasm.HEAPU8.buffer as ArrayBuffer);
  const bytes = Typed.BYTES_PER_ELEMENT;
  const xStart = (backend.dataIdMap.get(x.dataId)?.memoryOffset as number) / bytes;
  let dst = (backend.dataIdMap.get(out.dataId)?.memoryOffset as number) / bytes;
  const xStrides = strides(x.shape);
  // The last axis not taken whole: below it everything is contiguous, so each run is size[a]·stride[a] elements.
  let a = x.shape.length - 1;
  while (a >= 0 && size[a] === x.shape[a]) a--;
  if (a < 0) {
    heap.copyWithin(dst, xStart, xStart + total);
    return out;
  }
  const run = (size[a] as number) * (xStrides[a] as number);
  const index = new Array<number>(a).fill(0); // position over the axes before a
  for (let copied = 0; copied < total; copied += run) {
    let src = xStart + (begin[a] as number) * (xStrides[a] as number);
    for (let i = 0; i < a; i++) src += ((begin[i] as number) + (index[i] as number)) * (xStrides[i] as number);
    heap.copyWithin(dst, src, src + run);
    dst += run;
    for (let i = a - 1; i >= 0; i--) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (size[i] as number)) break;
      index[i] = 0;
    }
  }
  return out;
}

type SliceArgs = { inputs: { x: tf.TensorInfo }; attrs: { begin: number | number[]; size?: number | number[] }; backend: unknown };
type SplitArgs = { inputs: { x: tf.TensorInfo }; attrs: { numOrSizeSplits: number | number[]; axis: number }; backend: unknown };

function slice(args: SliceArgs): tf.TensorInfo | null {
  const { x } = args.inputs;
  const [begin, size] = tf.slice_util.parseSliceParams(x as tf.Tensor, args.attrs.begin, args.attrs.size) as [number[], number[]];
  return sliceInHeap(args.backend as WasmBackendInternals, x, begin, size);
}

function splitV(args: SplitArgs): tf.TensorInfo[] | null {
  const { x } = args.inputs;
  if (!(x.dtype in typedArrays)) return null;
  const axis = tf.util.parseAxisParam(args.attrs.axis, x.shape)[0] as number;
  const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, args.attrs.numOrSizeSplits, axis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[axis] = s;
    const part = sliceInHeap(args.backend as WasmBackendInternals, x, begin, size) as tf.TensorInfo;
    begin[axis] = (begin[axis] as number) + s;
    return part;
  });
}

/** Puts the in-heap Slice and SplitV in front of tfjs-wasm's (other dtypes still go to tfjs's). */
export function installWasmSlice(): void {
  overrideWasmKernel('Slice', (args) => slice(args as unknown as SliceArgs));
  overrideWasmKernel('SplitV', (args) => splitV(args as unknown as SplitArgs));
}
