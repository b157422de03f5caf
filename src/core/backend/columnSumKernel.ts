import { F32, I32, OP, V128, ins, moduleBytes, type WasmFunction } from './wasmBytecode';

/**
 * out[j] = Σₙ x[n, j] over the rows of a row-major x [rows, C], as wasm SIMD generated for one C:
 * columns in blocks of up to 8 f32x4 accumulators (then the C mod 4 last ones as scalars), each
 * summed from 0 over n in order, the order tfjs-wasm's Sum adds in (after it transposes x so the
 * reduced axis is innermost, a copy this skips). Bias gradients are such sums, one per dense layer.
 *
 * Signature: (x, out, rows) with byte addresses.
 */
export type ColumnSum = (x: number, out: number, rows: number) => void;

const P = { x: 0, out: 1, rows: 2 } as const;
const L = { n: 3, ptr: 4, acc: 5 } as const;
const VECTORS_PER_PASS = 8;

/** The function body for C columns. */
export function columnSumFunction(columns: number): WasmFunction {
  const vectors = Math.floor(columns / 4);
  const scalars = columns % 4;
  const passes: { first: number; count: number; scalar: boolean }[] = [];
  for (let v = 0; v < vectors; v += VECTORS_PER_PASS)
    passes.push({ first: 4 * v, count: Math.min(VECTORS_PER_PASS, vectors - v), scalar: false });
  if (scalars > 0) passes.push({ first: 4 * vectors, count: scalars, scalar: true });
  const widest = Math.max(...passes.filter((p) => !p.scalar).map((p) => p.count), 0);
  const locals = [I32, I32, ...new Array<number>(widest).fill(V128), ...new Array<number>(scalars).fill(F32)];
  const scalarAcc = L.acc + widest;
  const body: number[] = [];
  for (const pass of passes) {
    const acc = (i: number) => (pass.scalar ? scalarAcc : L.acc) + i;
    const width = pass.scalar ? 4 : 16;
    for (let i = 0; i < pass.count; i++) body.push(...(pass.scalar ? ins.f32Zero() : ins.v128Zero()), ...ins.set(acc(i)));
    body.push(...ins.get(P.x), ...ins.set(L.ptr), ...ins.get(P.rows), ...ins.set(L.n));
    body.push(OP.block, OP.void, ...ins.get(L.n), 0x45 /* i32.eqz */, OP.br_if, 0, OP.loop, OP.void);
    for (let i = 0; i < pass.count; i++) {
      const offset = 4 * pass.first + width * i;
      body.push(...ins.get(acc(i)), ...ins.get(L.ptr));
      body.push(...(pass.scalar ? [...ins.f32Load(offset), OP.f32Add] : [...ins.v128Load(offset), ...ins.f32x4Add()]), ...ins.set(acc(i)));
    }
    body.push(...ins.get(L.ptr), ...ins.i32(4 * columns), OP.i32Add, ...ins.set(L.ptr));
    body.push(...ins.get(L.n), ...ins.i32(1), OP.i32Sub, ...ins.tee(L.n), OP.br_if, 0, OP.end, OP.end);
    for (let i = 0; i < pass.count; i++) {
      const offset = 4 * pass.first + width * i;
      body.push(...ins.get(P.out), ...ins.get(acc(i)), ...(pass.scalar ? ins.f32Store(offset) : ins.v128Store(offset)));
    }
  }
  return { name: 'columnSum', params: [I32, I32, I32], locals, body };
}

/** Compiles the kernel for C columns against a memory (synchronously: kernels run synchronously). */
export function compileColumnSum(memory: WebAssembly.Memory, columns: number): ColumnSum {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const module = new WebAssembly.Module(moduleBytes([columnSumFunction(columns)], shared) as BufferSource);
  return new WebAssembly.Instance(module, { env: { memory } }).exports.columnSum as ColumnSum;
}
