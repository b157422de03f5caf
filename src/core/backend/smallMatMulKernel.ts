import { F32, I32, OP, V128, ins, moduleBytes, type WasmFunction } from './wasmBytecode';

/**
 * C[b] = A[b]·B[b] for a batch of small row-major matrices A [M, K], B [K, N] → C [M, N], as a wasm
 * SIMD function generated for one (M, K, N): each output row is held in ⌊N/4⌋ f32x4 registers (and
 * N mod 4 scalars) while k runs unrolled, C[i, :] = Σₖ A[i, k]·B[k, :] summed from 0 in k order.
 * That is the order tfjs-wasm's own batched fallback sums in (for K ≤ 48), so results are the same
 * bit for bit, at SIMD speed. The attention's per-head matmuls ([17×12]·[12×17] and the like) are
 * the target: tfjs-wasm sends every batched matmul to a scalar loop.
 *
 * Signature: (a, b, c, batch, aStride, bStride) with byte addresses; a stride of 0 broadcasts.
 */
export type SmallMatMul = (a: number, b: number, c: number, batch: number, aStride: number, bStride: number) => void;

/** Above this the unrolled code grows past what is worth generating; tfjs's own kernel runs instead. */
export const SMALL_MATMUL_MAX_UNROLL = 4096;

/** Whether (M, K, N) is small enough for a generated kernel: K·(⌈N/4⌉) multiply-adds unrolled per row. */
export function smallMatMulFits(m: number, k: number, n: number): boolean {
  return m >= 1 && k >= 1 && n >= 1 && k <= 48 && k * Math.ceil(n / 4) <= SMALL_MATMUL_MAX_UNROLL / 8;
}

const P = { a: 0, b: 1, c: 2, batch: 3, aStride: 4, bStride: 5 } as const;

/** The function body for one (M, K, N). */
export function smallMatMulFunction(m: number, k: number, n: number): WasmFunction {
  const vectors = Math.floor(n / 4);
  const scalars = n % 4;
  // Locals after the 6 parameters: row counter, A row address, splatted A value, scalar A value, accumulators.
  const L = { rows: 6, aRow: 7, splat: 8, scalar: 9, vec: 10, sca: 10 + vectors };
  const locals = [I32, I32, V128, F32, ...new Array<number>(vectors).fill(V128), ...new Array<number>(scalars).fill(F32)];
  const rowBody: number[] = [];
  for (let j = 0; j < vectors; j++) rowBody.push(...ins.v128Zero(), ...ins.set(L.vec + j));
  for (let r = 0; r < scalars; r++) rowBody.push(...ins.f32Zero(), ...ins.set(L.sca + r));
  for (let kk = 0; kk < k; kk++) {
    rowBody.push(...ins.get(L.aRow), ...ins.f32Load(4 * kk));
    if (vectors > 0) rowBody.push(...ins.tee(L.scalar), ...ins.f32x4Splat(), ...ins.set(L.splat));
    else rowBody.push(...ins.set(L.scalar));
    for (let j = 0; j < vectors; j++) {
      rowBody.push(...ins.get(L.vec + j), ...ins.get(L.splat), ...ins.get(P.b), ...ins.v128Load(4 * (kk * n + 4 * j)));
      rowBody.push(...ins.f32x4Mul(), ...ins.f32x4Add(), ...ins.set(L.vec + j));
    }
    for (let r = 0; r < scalars; r++) {
      rowBody.push(...ins.get(L.sca + r), ...ins.get(L.scalar), ...ins.get(P.b), ...ins.f32Load(4 * (kk * n + 4 * vectors + r)));
      rowBody.push(OP.f32Mul, OP.f32Add, ...ins.set(L.sca + r));
    }
  }
  for (let j = 0; j < vectors; j++) rowBody.push(...ins.get(P.c), ...ins.get(L.vec + j), ...ins.v128Store(16 * j));
  for (let r = 0; r < scalars; r++) rowBody.push(...ins.get(P.c), ...ins.get(L.sca + r), ...ins.f32Store(4 * (4 * vectors + r)));
  // Next row: A row += K floats, C += N floats; loop while rows remain.
  rowBody.push(...ins.get(L.aRow), ...ins.i32(4 * k), OP.i32Add, ...ins.set(L.aRow));
  rowBody.push(...ins.get(P.c), ...ins.i32(4 * n), OP.i32Add, ...ins.set(P.c));
  rowBody.push(...ins.get(L.rows), ...ins.i32(1), OP.i32Sub, ...ins.tee(L.rows), OP.br_if, 0);

  const body = [
    OP.block,
    OP.void,
    // batch == 0: nothing to do.
    ...ins.get(P.batch),
    ...[0x45 /* i32.eqz */, OP.br_if, 0],
    OP.loop,
    OP.void,
    ...ins.get(P.a),
    ...ins.set(L.aRow),
    ...ins.i32(m),
    ...ins.set(L.rows),
    OP.loop,
    OP.void,
    ...rowBody,
    OP.end,
    // Next batch entry: a += aStride, b += bStride; loop while batch entries remain.
    ...ins.get(P.a),
    ...ins.get(P.aStride),
    OP.i32Add,
    ...ins.set(P.a),
    ...ins.get(P.b),
    ...ins.get(P.bStride),
    OP.i32Add,
    ...ins.set(P.b),
    ...ins.get(P.batch),
    ...ins.i32(1),
    OP.i32Sub,
    ...ins.tee(P.batch),
    OP.br_if,
    0,
    OP.end,
    OP.end,
  ];
  return { name: 'matmul', params: [I32, I32, I32, I32, I32, I32], locals, body };
}

/** Compiles the kernel for (M, K, N) against a memory (synchronously: kernels run synchronously). */
export function compileSmallMatMul(memory: WebAssembly.Memory, m: number, k: number, n: number): SmallMatMul {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const module = new WebAssembly.Module(moduleBytes([smallMatMulFunction(m, k, n)], shared) as BufferSource);
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports.matmul as SmallMatMul;
}
