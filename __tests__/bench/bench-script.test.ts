// The bench script's pure helpers (scripts/bench/stats.mjs, table.mjs). The benchmark itself is not run here.
import {
  formatBytes,
  formatMiB,
  formatRange,
  formatSeconds,
  median,
  parsePeakRss,
  ratio,
  spread,
  summarize,
  verdict,
} from '../../scripts/bench/stats.mjs';
import { cell, markdownTable } from '../../scripts/bench/table.mjs';

describe('median and summary', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([0.2])).toBe(0.2);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list rather than inventing a number', () => {
    expect(() => median([])).toThrow(/empty/);
    expect(() => summarize([])).toThrow(/empty/);
  });

  it('summarises median, min, max and count', () => {
    expect(summarize([40, 61, 47, 81, 55])).toEqual({ median: 55, min: 40, max: 81, n: 5 });
  });

  it('gives spread as (max − min) / median', () => {
    expect(spread({ median: 50, min: 40, max: 60, n: 3 })).toBeCloseTo(0.4);
    expect(spread({ median: 0, min: 0, max: 0, n: 1 })).toBe(0);
  });
});

describe('ratios and target verdicts', () => {
  it('divides by the floor and refuses a zero floor', () => {
    expect(ratio(90, 60)).toBe(1.5);
    expect(() => ratio(1, 0)).toThrow(/floor/);
  });

  it('meets a target at exactly the limit and misses it just above', () => {
    expect(verdict(90, 60, 1.5)).toEqual({ ratio: 1.5, met: true, text: '1.50× (target ≤ 1.5×: met)' });
    const missed = verdict(91, 60, 1.5);
    expect(missed.met).toBe(false);
    expect(missed.text).toBe('1.52× (target ≤ 1.5×: NOT met)');
  });
});

describe('number formatting', () => {
  it('prints milliseconds as seconds with three decimals', () => {
    expect(formatSeconds(61)).toBe('0.061');
    expect(formatSeconds(21034.4)).toBe('21.034');
  });

  it('prints a min–max range with the given formatter', () => {
    expect(formatRange({ median: 61, min: 47, max: 81, n: 20 }, formatSeconds)).toBe('0.047–0.081');
  });

  it('prints KiB as MiB with one decimal', () => {
    expect(formatMiB(41984)).toBe('41.0');
    expect(formatMiB(38502)).toBe('37.6');
  });

  it('groups bundle sizes in thousands without the machine locale', () => {
    expect(formatBytes(1187496)).toBe('1,187,496');
    expect(formatBytes(999)).toBe('999');
  });
});

describe('parsePeakRss (/usr/bin/time -f %M output)', () => {
  it('reads the KiB figure of a clean run', () => {
    expect(parsePeakRss('48392\n')).toBe(48392);
  });

  it('skips the status line GNU time adds for a failed or killed command', () => {
    expect(parsePeakRss('Command exited with non-zero status 1\n41216\n')).toBe(41216);
    expect(parsePeakRss('Command terminated by signal 9\r\n11520\r\n')).toBe(11520);
  });

  it('returns undefined when there is no figure (empty file, killed wrapper)', () => {
    expect(parsePeakRss('')).toBeUndefined();
    expect(parsePeakRss('Command terminated by signal 9\n')).toBeUndefined();
  });

  it('does not take a number that is part of a sentence', () => {
    expect(parsePeakRss('Command exited with non-zero status 28')).toBeUndefined();
  });
});

describe('markdownTable', () => {
  it('renders headers, an alignment rule and rows', () => {
    const table = markdownTable(
      ['tool', 'median s'],
      [
        ['curl', '0.016'],
        ['node:http', '0.061'],
      ],
      ['l', 'r'],
    );
    expect(table.split('\n')).toEqual([
      '| tool | median s |',
      '| --- | ---: |',
      '| curl | 0.016 |',
      '| node:http | 0.061 |',
    ]);
  });

  it('escapes pipes and flattens newlines so a cell cannot break the table', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    const table = markdownTable(['said'], [['curl: (7) a|b\nsecond line']]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('curl: (7) a\\|b second line');
  });

  it('refuses a row whose cell count does not match the headers', () => {
    expect(() => markdownTable(['a', 'b'], [['only one']])).toThrow(/1 cells, table has 2 columns/);
  });
});
