/** A finished run as a point: lower cost is better, higher gain is better. */
export interface ParetoPoint {
  id: string;
  cost: number;
  gain: number;
}

/**
 * The non-dominated set: points for which no other point has cost ≤ and gain ≥ with one strict.
 * Returned sorted by cost (the frontier line, left to right).
 */
export function paretoFrontier<T extends ParetoPoint>(points: readonly T[]): T[] {
  const valid = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.gain));
  const frontier = valid.filter(
    (p) => !valid.some((q) => q !== p && q.cost <= p.cost && q.gain >= p.gain && (q.cost < p.cost || q.gain > p.gain)),
  );
  return frontier.sort((a, b) => a.cost - b.cost || b.gain - a.gain);
}
