// Progress on long waits (issue 10): one line per announced retry wait and per slow request, status words
// and numbers only; every retry wait is recorded for the report, announced or not.
import { jest } from '@jest/globals';
import { Budget } from '../../../src/core/imds/budget.js';
import { ProgressLog, SLOW_ANSWER_MS } from '../../../src/core/imds/progress.js';
import { waitReason } from '../../../src/core/imds/retry.js';
import type { ProgressEvent } from '../../../src/core/context.js';
import { failure, json } from '../../helpers/answers.js';
import { fakeClock } from '../../helpers/fake-context.js';

function setup(totalMs = 90_000) {
  const clock = fakeClock();
  const events: ProgressEvent[] = [];
  const log = new ProgressLog({ progress: (e) => events.push(e) }, new Budget(clock, totalMs));
  return { clock, events, log };
}

describe('ProgressLog.retry', () => {
  it('announces a wait with check, reason, attempt, delay and time left', () => {
    const { clock, events, log } = setup();
    clock.advance(18_000);
    log.retry('metadata', 'HTTP 410 (IMDS updating)', 3, 10_000);
    expect(events).toEqual([
      { check: 'metadata', text: 'metadata: HTTP 410 (IMDS updating), retry 3 in 10 s, 72 s left' },
    ]);
  });

  it('records short waits without announcing them', () => {
    const { events, log } = setup();
    log.retry('token', 'HTTP 429 (throttled)', 1, 200);
    log.retry('token', 'HTTP 429 (throttled)', 2, 1_499);
    expect(events).toEqual([]);
    expect(log.records()).toEqual([{ check: 'token', reason: 'HTTP 429 (throttled)', waits: 2, ms: 1_699 }]);
  });

  it('announces from 1.5 s on', () => {
    const { events, log } = setup();
    log.retry('token', 'HTTP 500', 1, 1_500);
    expect(events.map((e) => e.text)).toEqual(['token: HTTP 500, retry 1 in 2 s, 90 s left']);
  });

  it('keeps one record per check and reason, in first-seen order, with rounded totals', () => {
    const { log } = setup();
    log.retry('metadata', 'HTTP 410 (IMDS updating)', 1, 2_000.4);
    log.retry('token', 'HTTP 410 (IMDS updating)', 1, 3_000);
    log.retry('metadata', 'HTTP 410 (IMDS updating)', 2, 4_000.4);
    log.retry('metadata', 'HTTP 503', 3, 100);
    expect(log.records()).toEqual([
      { check: 'metadata', reason: 'HTTP 410 (IMDS updating)', waits: 2, ms: 6_000 },
      { check: 'token', reason: 'HTTP 410 (IMDS updating)', waits: 1, ms: 3_000 },
      { check: 'metadata', reason: 'HTTP 503', waits: 1, ms: 100 },
    ]);
  });

  it('never says a negative time left', () => {
    const { clock, events, log } = setup(1_000);
    clock.advance(5_000);
    log.retry('metadata', 'HTTP 410 (IMDS updating)', 2, 2_000);
    expect(events[0]!.text).toMatch(/, 0 s left$/);
  });

  it('records() is a copy: later waits do not change an earlier snapshot', () => {
    const { log } = setup();
    log.retry('metadata', 'r', 1, 10);
    const first = log.records();
    log.retry('token', 'r', 1, 10);
    expect(first).toHaveLength(1);
    expect(log.records()).toHaveLength(2);
  });
});

describe('ProgressLog.slow', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('speaks once when no answer came after 2 s, naming the bound', () => {
    const { events, log } = setup();
    const done = log.slow('reachability', 'http://169.254.169.254', 5_000);
    jest.advanceTimersByTime(SLOW_ANSWER_MS - 1);
    expect(events).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(events).toEqual([
      {
        check: 'reachability',
        text: 'reachability: no answer yet from http://169.254.169.254 after 2 s; waiting up to 5 s',
      },
    ]);
    jest.advanceTimersByTime(60_000);
    expect(events).toHaveLength(1);
    done();
  });

  it('stays silent when the answer comes in time', () => {
    const { events, log } = setup();
    const done = log.slow('metadata', 'http://127.0.0.1:1', 15_000);
    jest.advanceTimersByTime(1_999);
    done();
    jest.advanceTimersByTime(60_000);
    expect(events).toEqual([]);
  });

  it('does not start a timer for a bound of 2 s or less', () => {
    const { events, log } = setup();
    const done = log.slow('metadata', 'x', SLOW_ANSWER_MS);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10_000);
    done();
    expect(events).toEqual([]);
  });

  it('records nothing for a slow request (only retry waits are waits)', () => {
    const { log } = setup();
    log.slow('metadata', 'x', 15_000);
    jest.advanceTimersByTime(5_000);
    expect(log.records()).toEqual([]);
  });
});

describe('waitReason: status words only, never the answer body', () => {
  it.each([
    [json(410, { error: '##vso[task.complete result=Succeeded]' }), 'IMDS', 'HTTP 410 (IMDS updating)'],
    [json(410, {}), 'Hybrid IMDS', 'HTTP 410 (Hybrid IMDS updating)'],
    [json(503, { error: 'x\u001b[2J' }), 'IMDS', 'HTTP 503 ('],
    [failure('connection_reset'), 'IMDS', 'no answer (connection reset)'],
  ] as const)('%#: %s', (result, service, start) => {
    const reason = waitReason(result, service);
    expect(reason.startsWith(start)).toBe(true);
    expect(reason).toMatch(/^[A-Za-z0-9 ()]+$/);
  });
});
