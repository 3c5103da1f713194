// A latency sparkline in plain text: one block character per sample (or per group of samples when there are
// more than fit), its height the slowest latency of the group on a scale from 0 to the slowest of all.
// A group with no answer at all is drawn as ×. Text only, so every renderer can show it as it is.

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const NO_ANSWER_MARK = '×';
const SPARKLINE_WIDTH = 60;

/** `latencies` in sample order; null where the sample got no answer. */
export function sparkline(latencies: readonly (number | null)[], width = SPARKLINE_WIDTH): string {
  if (latencies.length === 0) return '';
  const groups = Math.min(width, latencies.length);
  const answered = latencies.filter((v): v is number => v !== null);
  const top = Math.max(0, ...answered);
  let line = '';
  for (let g = 0; g < groups; g++) {
    // Even split: group g holds samples [floor(g·n/w), floor((g+1)·n/w)).
    const from = Math.floor((g * latencies.length) / groups);
    const to = Math.floor(((g + 1) * latencies.length) / groups);
    const seen = latencies.slice(from, to).filter((v): v is number => v !== null);
    if (seen.length === 0) {
      line += NO_ANSWER_MARK;
      continue;
    }
    const level = top === 0 ? 0 : Math.ceil((Math.max(...seen) / top) * BLOCKS.length) - 1;
    line += BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, level))];
  }
  return line;
}
