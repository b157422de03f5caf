import * as tf from '@tensorflow/tfjs';
import { attentionBackward, attentionForward, type AttentionSaved } from './attention';
import { geluBackward, geluForward, layerNormBackward, layerNormForward } from './layers';

/** A block's parameters, in the order transformerBlock takes them (names under `block<i>/`). */
export const BLOCK_PARAMETERS = [
  'ln1/scale',
  'ln1/bias',
  'qkv/w',
  'qkv/b',
  'out/w',
  'out/b',
  'ln2/scale',
  'ln2/bias',
  'mlp1/w',
  'mlp1/b',
  'mlp2/w',
  'mlp2/b',
] as const;

const ATTENTION_KEYS = ['x', 'wqkv', 'wo', 'q', 'k', 'v', 'p', 'merged'] as const;

/**
 * One pre-norm ViT block on the residual stream h [B·T', D]:
 *   h₁ = h + Attention(LN₁(h)),  out = h₁ + W₂·GELU(W₁·LN₂(h₁) + b₁) + b₂,
 * as one custom gradient. The forward runs untaped and the backward chains the parts' written-out
 * gradients (layers.ts, attention.ts) with the residual sums dh₁ = dOut + LN₂ᵀ(…), dh = dh₁ + LN₁ᵀ(…):
 * the same kernels, on the same values, as tfjs autodiff of the forward (so the same numbers bit for
 * bit), without ~60 tape entries and the copies autodiff saves per block.
 */
export function transformerBlock(h: tf.Tensor2D, params: tf.Tensor[], tokens: number, heads: number): tf.Tensor2D {
  if (params.length !== BLOCK_PARAMETERS.length)
    throw new Error(`transformerBlock: expected ${BLOCK_PARAMETERS.length} parameters, got ${params.length}`);
  const op = tf.customGrad((...args) => {
    const x = args[0] as tf.Tensor2D;
    const [s1, c1, wqkv, bqkv, wo, bo, s2, c2, w1, b1, w2, b2] = args.slice(1, 13) as tf.Tensor[];
    const save = args[13] as tf.GradSaveFunc;
    const ln1 = layerNormForward(x, s1!, c1!);
    const attention = attentionForward(
      ln1.value,
      wqkv as tf.Tensor2D,
      bqkv as tf.Tensor1D,
      wo as tf.Tensor2D,
      bo as tf.Tensor1D,
      tokens,
      heads,
    );
    const h1 = tf.add(x, attention.value) as tf.Tensor2D;
    const ln2 = layerNormForward(h1, s2!, c2!);
    const u = tf.add(tf.matMul(ln2.value, w1 as tf.Tensor2D), b1!) as tf.Tensor2D; // MLP pre-activation
    const g = geluForward(u);
    const value = tf.add(h1, tf.add(tf.matMul(g.value, w2 as tf.Tensor2D), b2!));
    save([
      ...ln1.saved,
      ...ATTENTION_KEYS.map((key) => attention.saved[key]),
      ...ln2.saved,
      ln2.value,
      u,
      g.sigmoid,
      g.value,
      s1!,
      s2!,
      w1!,
      w2!,
    ]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const dOut = dy as tf.Tensor2D;
        const ln1Saved = saved.slice(0, 2) as [tf.Tensor2D, tf.Tensor2D];
        const attentionSaved = Object.fromEntries(ATTENTION_KEYS.map((key, i) => [key, saved[2 + i]])) as unknown as AttentionSaved;
        const rest = saved.slice(2 + ATTENTION_KEYS.length) as tf.Tensor2D[];
        const [xHat2, r2, ln2Value, su, sSigmoid, gValue, gamma1, gamma2, sw1, sw2] = rest as [
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor2D,
          tf.Tensor2D,
        ];
        // MLP: out = g·W₂ + b₂ with g = GELU(u), u = LN₂(h₁)·W₁ + b₁.
        const db2 = tf.sum(dOut, 0);
        const dW2 = tf.matMul(tf.transpose(gValue), dOut);
        const du = geluBackward(tf.matMul(dOut, tf.transpose(sw2)), su, sSigmoid);
        const db1 = tf.sum(du, 0);
        const dW1 = tf.matMul(tf.transpose(ln2Value), du);
        const [dh1FromLn2, dGamma2, dBeta2] = layerNormBackward(tf.matMul(du, tf.transpose(sw1)), [xHat2, r2], gamma2);
        const dh1 = tf.add(dOut, dh1FromLn2) as tf.Tensor2D;
        const [dLn1, dWqkv, dbqkv, dWo, dbo] = attentionBackward(dh1, attentionSaved, tokens, heads);
        const [dhFromLn1, dGamma1, dBeta1] = layerNormBackward(dLn1, ln1Saved, gamma1);
        const dh = tf.add(dh1, dhFromLn1);
        return [dh, dGamma1, dBeta1, dWqkv, dbqkv, dWo, dbo, dGamma2, dBeta2, dW1, db1, dW2, db2];
      },
    };
  }) as (...inputs: tf.Tensor[]) => tf.Tensor2D;
  return op(h, ...params);
}
