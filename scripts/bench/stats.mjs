// Pure helpers for the benchmark: summaries, ratios, number formatting and /usr/bin/time parsing.
// No I/O here, so __tests__/bench can check them without running anything.

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median plus the full range: the perf anchors quote "median [min–max]" because this machine is noisy. */
export function summarize(values) {
  if (values.length === 0) throw new Error('summary of an empty list');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Spread as a share of the median, e.g. 0.42 when max − min is 42 % of the median. */
export function spread(summary) {
  return summary.median === 0 ? 0 : (summary.max - summary.min) / summary.median;
}

export function ratio(value, floor) {
  if (!(floor > 0)) throw new Error(`ratio against a non-positive floor (${floor})`);
  return value / floor;
}

/** "1.42× (target ≤ 1.5×: met)" — the verdict is printed as measured, never rounded into a pass. */
export function verdict(value, floor, target) {
  const r = ratio(value, floor);
  return {
    ratio: r,
    met: r <= target,
    text: `${r.toFixed(2)}× (target ≤ ${target}×: ${r <= target ? 'met' : 'NOT met'})`,
  };
}

export const formatSeconds = (ms) => (ms / 1000).toFixed(3);

export const formatRange = (summary, format) => `${format(summary.min)}–${format(summary.max)}`;

export const formatMiB = (kib) => (kib / 1024).toFixed(1);

/** 1234567 → "1,234,567" without depending on the machine's locale. */
export const formatBytes = (bytes) => String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Peak RSS in KiB from what `/usr/bin/time -f %M` wrote. GNU time puts "Command exited with non-zero status N"
 * or "Command terminated by signal N" before the format line, so take the last line that is only digits.
 */
export function parsePeakRss(text) {
  const lines = String(text)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\d+$/.test(lines[i])) return Number(lines[i]);
  }
  return undefined;
}
