// What request rate the emulator saw: IMDS allows 5 requests per second per VM, and the sampling feature
// promises to stay below it, so tests need the peak over any window, not an average.

/** The most requests whose arrival `time` falls in any window [t, t + windowMs). */
export function peakRequestRate(requests: readonly { time: number }[], windowMs = 1000): number {
  const times = requests.map((r) => r.time).sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
