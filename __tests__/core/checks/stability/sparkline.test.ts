// The latency sparkline: heights on a 0..max scale, × for no answer, groups when there are too many samples.
import { describe, expect, it } from '@jest/globals';
import { NO_ANSWER_MARK, sparkline } from '../../../../src/core/checks/stability/sparkline.js';

describe('sparkline', () => {
  it('one character per sample on a scale from 0 to the slowest', () => {
    expect(sparkline([0, 25, 50, 75, 100])).toBe('▁▂▄▆█');
    expect(sparkline([10, 80, 20, 80])).toBe('▁█▂█');
  });

  it('a sample without an answer is ×', () => {
    expect(sparkline([5, null, 10])).toBe(`▄${NO_ANSWER_MARK}█`);
    expect(sparkline([null, null])).toBe('××');
  });

  it('all zero latencies draw the lowest block; no samples draw nothing', () => {
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });

  it('more samples than the width: even groups, each drawn by its slowest answer', () => {
    const series = Array.from({ length: 120 }, (_, i) => (i === 61 ? 100 : 1));
    const line = sparkline(series, 60);
    expect([...line]).toHaveLength(60);
    // Sample 62 (index 61) falls in group 30 (samples 60 and 61).
    expect([...line].findIndex((c) => c === '█')).toBe(30);
    expect([...line].filter((c) => c === '█')).toHaveLength(1);
  });

  it('a group is × only when none of its samples was answered', () => {
    expect(sparkline([null, 4, null, null], 2)).toBe(`█${NO_ANSWER_MARK}`);
  });
});
