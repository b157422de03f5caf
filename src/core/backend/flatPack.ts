import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { WasmBackendInternals } from './wasmBackendInternals';

/**
 * Many tensors ↔ one flat vector (the optimiser's layout), as one kernel each way on wasm: the
 * portable form, a reshape per tensor plus a concat (or a split plus a reshape per tensor), is ~40
 * kernels each way for a ViT, and every tfjs kernel call costs JS time whatever its size. Other
 * backends take the portable form. Values are only moved, never changed.
 */
const PACK = 'LabFlatPack';
const UNPACK = 'LabFlatUnpack';

function heapF32(backend: WasmBackendInternals): Float32Array {
  return new Float32Array(backend.wasm.HEAPU8.buffer as ArrayBuffer);
}

const offsetOf = (backend: WasmBackendInternals, t: tf.TensorInfo) => (backend.dataIdMap.get(t.dataId)?.memoryOffset as number) / 4;

let registered = false;

/** Registers the two wasm kernels (once). */
export function registerFlatPackKernels(): void {
  if (registered || tf.findBackendFactory('wasm') === null) return;
  registered = true;
  tf.registerKernel({
    kernelName: PACK,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const wasm = backend as unknown as WasmBackendInternals;
      const parts = Object.keys(inputs)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => inputs[k] as tf.TensorInfo);
      const total = parts.reduce((sum, t) => sum + t.shape.reduce((p, d) => p * d, 1), 0);
      const out = wasm.makeOutput([total], 'float32');
      const heap = heapF32(wasm);
      let dst = offsetOf(wasm, out);
      for (const t of parts) {
        const src = offsetOf(wasm, t);
        const size = t.shape.reduce((p, d) => p * d, 1);
        heap.copyWithin(dst, src, src + size);
        dst += size;
      }
      return out;
    },
  });
  tf.registerKernel({
    kernelName: UNPACK,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as unknown as WasmBackendInternals;
      const shapes = (attrs as { shapes: number[][] }).shapes;
      const outs = shapes.map((shape) => wasm.makeOutput(shape, 'float32'));
      const heap = heapF32(wasm);
      let src = offsetOf(wasm, inputs.x as tf.TensorInfo);
      for (const [i, out] of outs.entries()) {
        const size = (shapes[i] as number[]).reduce((p, d) => p * d, 1);
        heap.copyWithin(offsetOf(wasm, out), src, src + size);
        src += size;
      }
      return outs;
    },
  });
}

const fast = () => tf.getBackend() === 'wasm' && tf.getKernel(PACK, 'wasm') !== undefined;

/** float32 tensors → one flat [Σ sizes] vector, in order. */
export function flatPack(tensors: tf.Tensor[]): tf.Tensor1D {
  if (!fast() || tensors.some((t) => t.dtype !== 'float32')) return tf.concat(tensors.map((t) => tf.reshape(t, [-1]))) as tf.Tensor1D;
  return tf.engine().runKernel(PACK, Object.fromEntries(tensors.map((t, i) => [String(i), t]))) as tf.Tensor1D;
}

/** A flat float32 vector → tensors of the given shapes, in order (the inverse of flatPack). */
export function flatUnpack(flat: tf.Tensor1D, shapes: number[][]): tf.Tensor[] {
  if (!fast()) {
    const parts = tf.split(
      flat,
      shapes.map((s) => s.reduce((p, d) => p * d, 1)),
    );
    return parts.map((part, i) => tf.reshape(part, shapes[i] as number[]));
  }
  const parts = tf.engine().runKernel(UNPACK, { x: flat }, { shapes } as unknown as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[];
  return Array.isArray(parts) ? parts : [parts]; // tfjs returns a lone output unwrapped
}

registerFlatPackKernels();
