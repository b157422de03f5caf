import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/core/backend/selectBackend';
import { runMatmulSelfCheck } from '../src/core/backend/selfCheck';

// Matmul throughput and correctness per Node backend (the full benchmark grows from here).
tf.env().set('PROD', true);
for (const backend of ['wasm', 'cpu'] as const) {
  await selectBackend({ requested: backend });
  const result = await runMatmulSelfCheck(256, 5);
  console.log(`${backend.padEnd(5)} 256² matmul: ${result.gflops.toFixed(2)} GFLOP/s, max abs error ${result.maxAbsError.toExponential(2)} (${result.passed ? 'pass' : 'FAIL'})`);
}
