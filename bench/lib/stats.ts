/** Percentile of a sorted sample (nearest rank). */
export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
};

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
