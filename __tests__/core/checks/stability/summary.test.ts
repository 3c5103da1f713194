// From samples to what the report, the summary and the outputs carry: tally, per-endpoint and pooled
// latency figures (answered samples only), the `samples` section, the detail tables and the five outputs.
import { describe, expect, it } from '@jest/globals';
import { stabilityCheck } from '../../../../src/core/checks/stability/index.js';
import type { JsonValue, Report } from '../../../../src/core/types.js';
import { outputsOf } from '../../../helpers/fake-run.js';

/** The stability check's five outputs, read from a report whose `samples` section is `section`. */
const samplingOutputs = (section: unknown) =>
  outputsOf(stabilityCheck, {
    sections: section === undefined ? undefined : { samples: section as JsonValue },
  } as Report);
import type { EndpointSample, Sample } from '../../../../src/core/checks/stability/sample.js';
import { detailTables, sectionJson, summarise } from '../../../../src/core/checks/stability/summary.js';

const good = (ms: number): EndpointSample => ({ ms, outcome: '200', code: 'ok', failure: null });
const throttled = (ms: number): EndpointSample => ({
  ms,
  outcome: '429',
  code: 'token_throttled',
  failure: 'stability_throttled',
});
const reset: EndpointSample = {
  ms: null,
  outcome: 'reset',
  code: 'connection_reset',
  failure: 'stability_no_answer',
};

const samples: Sample[] = [
  { n: 1, atMs: null, metadata: good(10), token: good(40) },
  { n: 2, atMs: 0, metadata: good(2), token: good(8) },
  { n: 3, atMs: 480, metadata: reset, token: throttled(1) },
  { n: 4, atMs: 960, metadata: good(4), token: throttled(2) },
  { n: 5, atMs: 1440, metadata: good(6), token: good(9) },
];

describe('summarise', () => {
  const s = summarise({ samples, ranOut: false }, 5);

  it('tallies samples (a sample is good when every endpoint was) and failures per answer', () => {
    expect(s.tally).toEqual({
      requested: 5,
      total: 5,
      ok: 3,
      failures: { stability_no_answer: 1, stability_throttled: 2 },
    });
    expect(s.endpoints).toEqual(['metadata', 'token']);
  });

  it('latency over answered samples only, per endpoint and pooled', () => {
    expect(s.latency.metadata).toEqual({ p50: 4, p95: 10, max: 10 }); // 2, 4, 6, 10
    expect(s.latency.token).toEqual({ p50: 8, p95: 40, max: 40 }); // 1, 2, 8, 9, 40
    expect(s.latency.all).toEqual({ p50: 6, p95: 40, max: 40 }); // 1 2 2 4 6 8 9 10 40
  });

  it('the samples section: counts, failures by class, figures and every sample', () => {
    const json = sectionJson(s) as Record<string, unknown>;
    expect(json).toMatchObject({
      requested: 5,
      total: 5,
      ok: 3,
      ranOut: false,
      failures: { stability_throttled: 2, stability_no_answer: 1 },
      latencyMs: {
        metadata: { p50: 4, p95: 10, max: 10 },
        token: { p50: 8, p95: 40, max: 40 },
        all: { p50: 6, p95: 40, max: 40 },
      },
    });
    expect((json['series'] as unknown[])[2]).toEqual({
      sample: 3,
      atMs: 480,
      metadata: { ms: null, outcome: 'reset', code: 'connection_reset', failure: 'stability_no_answer' },
      token: { ms: 1, outcome: '429', code: 'token_throttled', failure: 'stability_throttled' },
    });
    expect(Object.keys(json['failures'] as object)).toEqual(['stability_throttled', 'stability_no_answer']);
  });

  it('tables: latency with a sparkline per endpoint, failures by endpoint and class with sample numbers', () => {
    const [latency, failures] = detailTables(s);
    expect(latency!.rows).toEqual([
      ['metadata', '4 of 5', '4', '10', '10', '█▂×▄▅'],
      ['token', '5 of 5', '8', '40', '40', '█▂▁▁▂'],
    ]);
    expect(failures!.rows).toEqual([
      ['metadata', 'no answer (timeout, reset or refused)', 'stability_no_answer', '1', '#3'],
      ['token', 'throttled (429)', 'stability_throttled', '2', '#3, #4'],
    ]);
  });

  it('no failure table when nothing failed; long sample lists are cut', () => {
    const many: Sample[] = Array.from({ length: 9 }, (_, i) => ({
      n: i + 1,
      atMs: i === 0 ? null : i * 240,
      metadata: i === 0 ? good(1) : throttled(1),
    }));
    const tables = detailTables(summarise({ samples: many, ranOut: false }, 9));
    expect(tables[1]!.rows).toEqual([
      ['metadata', 'throttled (429)', 'stability_throttled', '8', '#2, #3, #4, #5, #6, … (8)'],
    ]);
    const fine = detailTables(summarise({ samples: [samples[0]!, samples[1]!], ranOut: false }, 2));
    expect(fine.map((t) => t.title)).toEqual(['latency per endpoint (ms)']);
  });
});

describe('samplingOutputs', () => {
  it('total, ok and the pooled figures', () => {
    const section = sectionJson(summarise({ samples, ranOut: false }, 5));
    expect(samplingOutputs(section)).toEqual({
      'samples-total': '5',
      'samples-ok': '3',
      'latency-p50-ms': '6',
      'latency-p95-ms': '40',
      'latency-max-ms': '40',
    });
  });

  it('all empty without a section, and empty for anything that is not a whole number', () => {
    const empty = {
      'samples-total': '',
      'samples-ok': '',
      'latency-p50-ms': '',
      'latency-p95-ms': '',
      'latency-max-ms': '',
    };
    expect(samplingOutputs(undefined)).toEqual(empty);
    expect(samplingOutputs({ total: -1, ok: 2.5, latencyMs: { all: null } })).toEqual(empty);
    expect(samplingOutputs({ total: '7', ok: 3, latencyMs: { all: { p50: 1, p95: 2, max: 3 } } })).toEqual({
      'samples-total': '',
      'samples-ok': '3',
      'latency-p50-ms': '1',
      'latency-p95-ms': '2',
      'latency-max-ms': '3',
    });
  });
});
