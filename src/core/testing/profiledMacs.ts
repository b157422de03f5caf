import * as tf from '@tensorflow/tfjs';

/** Test helper: the multiply-accumulates of every matmul tfjs runs inside `f` (its result is disposed). */
export async function profiledMatMulMacs(f: () => tf.Tensor): Promise<number> {
  const profile = await tf.profile(f);
  let macs = 0;
  for (const k of profile.kernels) {
    if (k.name !== 'BatchMatMul') continue;
    const [a, b] = k.inputShapes as [number[], number[]];
    const batchDims = a.length === 3 ? (a[0] as number) : 1;
    macs += batchDims * (a[a.length - 2] as number) * (a[a.length - 1] as number) * (b[b.length - 1] as number);
  }
  tf.dispose(profile.result as tf.Tensor);
  return macs;
}
