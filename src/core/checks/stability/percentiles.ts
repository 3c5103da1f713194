// Latency figures computed exactly, by nearest rank: the p-th percentile of n values is the value at rank
// ceil(p/100 × n) in ascending order (rank 1 for p = 0). Every figure is a value that was measured, never an
// interpolation, so "p95 = 412 ms" means a sample really took 412 ms.

export interface LatencyFigures {
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile of `values` (0 ≤ p ≤ 100); null for no values. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: (7 / 100) × 100 is 7.000000000000001 in floating point, which would round a rank up.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1]!;
}

/** p50, p95 and max of whole milliseconds; null when nothing was measured. */
export function latencyFigures(values: readonly number[]): LatencyFigures | null {
  if (values.length === 0) return null;
  return {
    p50: nearestRank(values, 50)!,
    p95: nearestRank(values, 95)!,
    max: nearestRank(values, 100)!,
  };
}
