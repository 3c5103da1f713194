// Nearest-rank percentiles against series whose answers are known by hand.
import { describe, expect, it } from '@jest/globals';
import { latencyFigures, nearestRank } from '../../../../src/core/checks/stability/percentiles.js';

describe('nearestRank', () => {
  it('the textbook series 15, 20, 35, 40, 50', () => {
    const s = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => nearestRank(s, p))).toEqual([15, 20, 20, 35, 50]);
  });

  it('an unsorted series of ten: 25th 7, 50th 8, 75th 15, 100th 20', () => {
    const s = [20, 8, 3, 16, 7, 15, 6, 10, 13, 8];
    expect([25, 50, 75, 100].map((p) => nearestRank(s, p))).toEqual([7, 8, 15, 20]);
    // The input is not reordered.
    expect(s[0]).toBe(20);
  });

  it('1..20: p50 is the 10th value, p95 the 19th, max the 20th', () => {
    const s = Array.from({ length: 20 }, (_, i) => i + 1);
    expect([nearestRank(s, 50), nearestRank(s, 95), nearestRank(s, 100)]).toEqual([10, 19, 20]);
  });

  it('exact ranks where floating point would round up: p7 of 1..100 is 7, not 8', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(s, 7)).toBe(7);
    expect(nearestRank(s, 95)).toBe(95);
    expect(nearestRank(s, 29)).toBe(29);
  });

  it('p95 of 19 values is the 19th (rank ceil(18.05)); of 21 values the 20th', () => {
    expect(
      nearestRank(
        Array.from({ length: 19 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
    expect(
      nearestRank(
        Array.from({ length: 21 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(20);
  });

  it('p0 is the smallest value; one value is every percentile; none is null', () => {
    expect(nearestRank([9, 4, 6], 0)).toBe(4);
    expect([0, 50, 95, 100].map((p) => nearestRank([42], p))).toEqual([42, 42, 42, 42]);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('refuses a percentile outside 0-100', () => {
    expect(() => nearestRank([1], 101)).toThrow(RangeError);
    expect(() => nearestRank([1], -1)).toThrow(RangeError);
    expect(() => nearestRank([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('latencyFigures', () => {
  it('p50, p95 and max are values of the series, never interpolated', () => {
    const s = [3, 3, 4, 4, 4, 5, 5, 6, 7, 9, 12, 12, 13, 15, 18, 22, 30, 41, 80, 250];
    expect(latencyFigures(s)).toEqual({ p50: 9, p95: 80, max: 250 });
  });

  it('null for no values', () => {
    expect(latencyFigures([])).toBeNull();
  });
});
