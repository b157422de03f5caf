import * as tf from '@tensorflow/tfjs';

/**
 * Multi-head self-attention on a normalised stream a [B·T', D] with a fused QKV projection and an
 * output projection: qkv = a·Wqkv + bqkv, per head P = softmax(q·kᵀ/√dh), context = P·v, out = merged·Wo + bo.
 *
 * The gradient is written out (the same kernels, in the same order, that tfjs autodiff of the forward
 * runs, so the values are the same bit for bit) because autodiff records ~30 tape entries per block
 * and clones every tensor it saves; here the forward runs once, untaped, and the backward is
 *   dbo = Σ dOut, dWo = mergedᵀ·dOut, dMerged = dOut·Woᵀ,
 *   dP = dContext·vᵀ, dv = Pᵀ·dContext, dS = (dP⊙P − Σⱼ(dP⊙P)·P)/√dh,
 *   dq = dS·k, dk = dSᵀ·q, dqkv = [dq, dk, dv] back in the stream's layout,
 *   dbqkv = Σ dqkv, dWqkv = aᵀ·dqkv, da = dqkv·Wqkvᵀ.
 * Heads are laid out [3H, B, T', dh] so q, k and v are contiguous blocks and each (head, example)
 * pair is one matrix of the batched matmuls.
 */
export function multiHeadAttention(
  a: tf.Tensor2D,
  wqkv: tf.Tensor2D,
  bqkv: tf.Tensor1D,
  wo: tf.Tensor2D,
  bo: tf.Tensor1D,
  tokens: number,
  heads: number,
): tf.Tensor2D {
  const [N, D] = a.shape;
  const B = N / tokens;
  const H = heads;
  const T = tokens;
  const dh = D / H;
  const scale = 1 / Math.sqrt(dh);
  const swap = (t: tf.Tensor) => tf.transpose(t, [0, 2, 1]);
  const op = tf.customGrad((...args) => {
    const [x, w1, b1, w2, b2] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
    const save = args[5] as tf.GradSaveFunc;
    const qkv = tf.add(tf.matMul(x, w1), b1); // [B·T', 3D]
    const split = tf.split(tf.transpose(tf.reshape(qkv, [B, T, 3 * H, dh]), [2, 0, 1, 3]), 3, 0); // 3 × [H, B, T', dh]
    const [q, k, v] = split.map((t) => tf.reshape(t, [H * B, T, dh])) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
    const p = tf.softmax(tf.mul(tf.matMul(q, swap(k)), scale)) as tf.Tensor3D; // [H·B, T', T']
    const context = tf.matMul(p, v); // [H·B, T', dh]
    const merged = tf.reshape(tf.transpose(tf.reshape(context, [H, B, T, dh]), [1, 2, 0, 3]), [N, D]) as tf.Tensor2D;
    save([x, w1, w2, q, k, v, p, merged]);
    return {
      value: tf.add(tf.matMul(merged, w2), b2),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw1, sw2, sq, sk, sv, sp, sm] = saved as [
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor3D,
          tf.Tensor3D,
          tf.Tensor3D,
          tf.Tensor3D,
          tf.Tensor2D,
        ];
        const dOut = dy as tf.Tensor2D;
        const dbo = tf.sum(dOut, 0);
        const dWo = tf.matMul(tf.transpose(sm), dOut);
        const dMerged = tf.matMul(dOut, tf.transpose(sw2));
        const dContext = tf.reshape(tf.transpose(tf.reshape(dMerged, [B, T, H, dh]), [2, 0, 1, 3]), [H * B, T, dh]);
        const dP = tf.matMul(dContext, swap(sv)); // [H·B, T', T']
        const dv = tf.matMul(swap(sp), dContext);
        const dPTimesP = tf.mul(dP, sp);
        const dS = tf.mul(tf.sub(dPTimesP, tf.mul(tf.sum(dPTimesP, -1, true), sp)), scale); // softmax, then the 1/√dh
        const dq = tf.matMul(dS, sk);
        const dk = tf.matMul(swap(dS), sq);
        const dHeads = tf.concat(
          [dq, dk, dv].map((t) => tf.reshape(t, [H, B, T, dh])),
          0,
        ); // [3H, B, T', dh]
        const dqkv = tf.reshape(tf.transpose(dHeads, [1, 2, 0, 3]), [N, 3 * D]) as tf.Tensor2D;
        const dbqkv = tf.sum(dqkv, 0);
        const dWqkv = tf.matMul(tf.transpose(sx), dqkv);
        const da = tf.matMul(dqkv, tf.transpose(sw1));
        return [da, dWqkv, dbqkv, dWo, dbo];
      },
    };
  }) as (a: tf.Tensor2D, wqkv: tf.Tensor2D, bqkv: tf.Tensor1D, wo: tf.Tensor2D, bo: tf.Tensor1D) => tf.Tensor2D;
  return op(a, wqkv, bqkv, wo, bo);
}
