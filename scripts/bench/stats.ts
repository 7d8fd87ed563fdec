// Small numeric helpers for the benchmark: quantiles over nanosecond samples, byte formatting.

export interface Timing {
  samples: number;
  medianUs: number;
  p95Us: number;
  meanUs: number;
  /** Calls per second over the measured samples (samples / total measured time). */
  perSecond: number;
}

/** Quantile by linear interpolation between closest ranks (q in 0..1) of a sorted array. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

export function summarise(ns: Float64Array): Timing {
  const sorted = Float64Array.from(ns).sort();
  let total = 0;
  for (const v of sorted) total += v;
  const us = (v: number) => Math.round(v / 10) / 100; // ns → µs, 2 decimals
  return {
    samples: sorted.length,
    medianUs: us(quantile(sorted, 0.5)),
    p95Us: us(quantile(sorted, 0.95)),
    meanUs: us(total / sorted.length),
    perSecond: Math.round(sorted.length / (total / 1e9)),
  };
}

/** Bytes as "123,456 B (120.6 KB)"; KB = 1,000 bytes, as Vite prints them. */
export function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} B (${kb(n)})`;
}

export function kb(n: number): string {
  return `${(n / 1000).toFixed(1)} KB`;
}

export function int(n: number): string {
  return n.toLocaleString('en-US');
}
