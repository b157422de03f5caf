/** Learning rate at a 0-based step: linear warmup over warmupFraction·total, then cosine decay to 0. */
export function learningRateAt(step: number, totalSteps: number, baseRate: number, warmupFraction: number): number {
  const warmup = Math.max(1, Math.round(warmupFraction * totalSteps));
  if (step < warmup) return (baseRate * (step + 1)) / warmup;
  const progress = Math.min(1, (step - warmup) / Math.max(1, totalSteps - warmup));
  return 0.5 * baseRate * (1 + Math.cos(Math.PI * progress));
}
