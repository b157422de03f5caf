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
/** What the backward needs from the forward. */
export interface AttentionSaved {
  x: tf.Tensor2D;
  wqkv: tf.Tensor2D;
  wo: tf.Tensor2D;
  q: tf.Tensor3D;
  k: tf.Tensor3D;
  v: tf.Tensor3D;
  p: tf.Tensor3D;
  merged: tf.Tensor2D;
}

const swap = (t: tf.Tensor) => tf.transpose(t, [0, 2, 1]);

export function attentionForward(
  x: tf.Tensor2D,
  wqkv: tf.Tensor2D,
  bqkv: tf.Tensor1D,
  wo: tf.Tensor2D,
  bo: tf.Tensor1D,
  tokens: number,
  heads: number,
): { value: tf.Tensor2D; saved: AttentionSaved } {
  const [N, D] = x.shape;
  const [T, H, B, dh] = [tokens, heads, N / tokens, D / heads];
  const qkv = tf.add(tf.matMul(x, wqkv), bqkv); // [B·T', 3D]
  const split = tf.split(tf.transpose(tf.reshape(qkv, [B, T, 3 * H, dh]), [2, 0, 1, 3]), 3, 0); // 3 × [H, B, T', dh]
  const [q, k, v] = split.map((t) => tf.reshape(t, [H * B, T, dh])) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  const p = tf.softmax(tf.mul(tf.matMul(q, swap(k)), 1 / Math.sqrt(dh))) as tf.Tensor3D; // [H·B, T', T']
  const context = tf.matMul(p, v); // [H·B, T', dh]
  const merged = tf.reshape(tf.transpose(tf.reshape(context, [H, B, T, dh]), [1, 2, 0, 3]), [N, D]) as tf.Tensor2D;
  return { value: tf.add(tf.matMul(merged, wo), bo) as tf.Tensor2D, saved: { x, wqkv, wo, q, k, v, p, merged } };
}

/** [dx, dWqkv, dbqkv, dWo, dbo] from dOut and the forward's saved tensors. */
export function attentionBackward(
  dOut: tf.Tensor2D,
  s: AttentionSaved,
  tokens: number,
  heads: number,
): [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D] {
  const [N, D] = s.x.shape;
  const [T, H, B, dh] = [tokens, heads, N / tokens, D / heads];
  const dbo = tf.sum(dOut, 0) as tf.Tensor1D;
  const dWo = tf.matMul(tf.transpose(s.merged), dOut);
  const dMerged = tf.matMul(dOut, tf.transpose(s.wo));
  const dContext = tf.reshape(tf.transpose(tf.reshape(dMerged, [B, T, H, dh]), [2, 0, 1, 3]), [H * B, T, dh]);
  const dP = tf.matMul(dContext, swap(s.v)); // [H·B, T', T']
  const dv = tf.matMul(swap(s.p), dContext);
  const dPTimesP = tf.mul(dP, s.p);
  const dS = tf.mul(tf.sub(dPTimesP, tf.mul(tf.sum(dPTimesP, -1, true), s.p)), 1 / Math.sqrt(dh)); // softmax, then the 1/√dh
  const dq = tf.matMul(dS, s.k);
  const dk = tf.matMul(swap(dS), s.q);
  const dHeads = tf.concat(
    [dq, dk, dv].map((t) => tf.reshape(t, [H, B, T, dh])),
    0,
  ); // [3H, B, T', dh]
  const dqkv = tf.reshape(tf.transpose(dHeads, [1, 2, 0, 3]), [N, 3 * D]) as tf.Tensor2D;
  const dbqkv = tf.sum(dqkv, 0) as tf.Tensor1D;
  const dWqkv = tf.matMul(tf.transpose(s.x), dqkv);
  const dx = tf.matMul(dqkv, tf.transpose(s.wqkv));
  return [dx as tf.Tensor2D, dWqkv as tf.Tensor2D, dbqkv, dWo as tf.Tensor2D, dbo];
}

export function multiHeadAttention(
  a: tf.Tensor2D,
  wqkv: tf.Tensor2D,
  bqkv: tf.Tensor1D,
  wo: tf.Tensor2D,
  bo: tf.Tensor1D,
  tokens: number,
  heads: number,
): tf.Tensor2D {
  const keys = ['x', 'wqkv', 'wo', 'q', 'k', 'v', 'p', 'merged'] as const;
  const op = tf.customGrad((...args) => {
    const [x, w1, b1, w2, b2] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
    const { value, saved } = attentionForward(x, w1, b1, w2, b2, tokens, heads);
    (args[5] as tf.GradSaveFunc)(keys.map((key) => saved[key]));
    return {
      value,
      gradFunc: (dy: tf.Tensor, list: tf.Tensor[]) =>
        attentionBackward(
          dy as tf.Tensor2D,
          Object.fromEntries(keys.map((key, i) => [key, list[i]])) as unknown as AttentionSaved,
          tokens,
          heads,
        ),
    };
  }) as (a: tf.Tensor2D, wqkv: tf.Tensor2D, bqkv: tf.Tensor1D, wo: tf.Tensor2D, bo: tf.Tensor1D) => tf.Tensor2D;
  return op(a, wqkv, bqkv, wo, bo);
}
