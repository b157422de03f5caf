/**
 * The few WebAssembly binary-format pieces the lab's generated kernels need (opcodes, LEB128
 * integers, sections, a module with one imported memory and exported functions). Kernels are
 * written as bytecode here and compiled at run time: no toolchain, nothing downloaded.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Opcodes used by the kernels (SIMD ones are prefixed by 0xfd and a LEB128 sub-opcode). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br_if: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f32Load: 0x2a,
  f32Store: 0x38,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  f32Add: 0x92,
  f32Mul: 0x94,
  void: 0x40,
} as const;

const SIMD = {
  v128Load: 0,
  v128Store: 11,
  v128Const: 12,
  f32x4Splat: 19,
  f32x4Add: 228,
  f32x4Mul: 230,
} as const;

/** Unsigned LEB128. */
export function u32(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
export function s32(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const simd = (sub: number): number[] => [0xfd, ...u32(sub)];
/** memarg: alignment hint (log2 bytes) and a constant byte offset. */
const memarg = (alignLog2: number, offset: number): number[] => [...u32(alignLog2), ...u32(offset)];

/** Instruction builders; each returns its bytes. Loads and stores take the address from the stack. */
export const ins = {
  get: (local: number) => [OP.localGet, ...u32(local)],
  set: (local: number) => [OP.localSet, ...u32(local)],
  tee: (local: number) => [OP.localTee, ...u32(local)],
  i32: (value: number) => [OP.i32Const, ...s32(value)],
  f32Zero: () => [OP.f32Const, 0, 0, 0, 0],
  v128Zero: () => [...simd(SIMD.v128Const), ...new Array<number>(16).fill(0)],
  f32Load: (offset: number) => [OP.f32Load, ...memarg(2, offset)],
  f32Store: (offset: number) => [OP.f32Store, ...memarg(2, offset)],
  // Unaligned 16-byte accesses are legal in wasm; the hint says 4-byte alignment (float32 data).
  v128Load: (offset: number) => [...simd(SIMD.v128Load), ...memarg(2, offset)],
  v128Store: (offset: number) => [...simd(SIMD.v128Store), ...memarg(2, offset)],
  f32x4Splat: () => simd(SIMD.f32x4Splat),
  f32x4Add: () => simd(SIMD.f32x4Add),
  f32x4Mul: () => simd(SIMD.f32x4Mul),
};

function section(id: number, body: number[]): number[] {
  return [id, ...u32(body.length), ...body];
}

function vector(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...u32(bytes.length), ...bytes];
}

export interface WasmFunction {
  name: string;
  params: number[];
  /** Extra locals after the parameters, by type, in order. */
  locals: number[];
  body: number[];
}

/**
 * A module importing `env.memory` (shared or not, as the host's memory is) and exporting each
 * function under its name. Functions return nothing.
 */
export function moduleBytes(functions: WasmFunction[], sharedMemory: boolean): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0]);
  // Memory limits: shared memories must declare a maximum (65536 pages = 4 GiB, the wasm32 limit).
  const limits = sharedMemory ? [0x03, 0, ...u32(65536)] : [0x00, 0];
  const imports = vector([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  const funcs = vector(functions.map((_, i) => u32(i)));
  const exports = vector(functions.map((f, i) => [...name(f.name), 0x00, ...u32(i)]));
  const code = vector(
    functions.map((f) => {
      const localGroups = vector(f.locals.map((type) => [...u32(1), type]));
      const body = [...localGroups, ...f.body, OP.end];
      return [...u32(body.length), ...body];
    }),
  );
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, code),
  ];
  return Uint8Array.from(bytes);
}
