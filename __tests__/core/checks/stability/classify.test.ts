// Failure classes of one sampled answer, the dominant class, and the stability judgeTally rules.
import { describe, expect, it } from '@jest/globals';
import {
  dominant,
  failureClass,
  FAILURE_CLASSES,
  SLOW_SAMPLE_MS,
  judgeTally,
  type JudgedAnswer,
} from '../../../../src/core/checks/stability/classify.js';
import { CODES } from '../../../../src/core/codes.js';

const failed = (code: JudgedAnswer['code'], outcome: JudgedAnswer['outcome']): JudgedAnswer => ({
  status: 'fail',
  code,
  outcome,
});

describe('failureClass', () => {
  it('a good answer in time is no failure; a slow one is', () => {
    expect(failureClass({ status: 'pass', code: 'ok', outcome: '200' }, 12)).toBeNull();
    expect(failureClass({ status: 'warn', code: 'metadata_value_rejected', outcome: '200' }, 12)).toBeNull();
    expect(failureClass({ status: 'pass', code: 'ok', outcome: '200' }, SLOW_SAMPLE_MS)).toBeNull();
    expect(failureClass({ status: 'pass', code: 'ok', outcome: '200' }, SLOW_SAMPLE_MS + 1)).toBe(
      'stability_slow_answer',
    );
  });

  it.each([
    ['metadata_throttled', '429', 'stability_throttled'],
    ['token_throttled', '429', 'stability_throttled'],
    ['metadata_server_error', '500', 'stability_server_error'],
    ['token_server_error', '503', 'stability_server_error'],
    ['metadata_gone', '410', 'stability_updating'],
    ['token_gone', '410', 'stability_updating'],
    ['token_not_found', '404', 'stability_updating'],
    ['metadata_not_found', '404', 'stability_bad_answer'],
    ['token_identity_not_found', '400', 'stability_bad_answer'],
    ['not_imds_proxy', '502', 'stability_bad_answer'],
    ['not_imds_html', '500', 'stability_bad_answer'],
    ['not_imds_answer', '500', 'stability_server_error'],
    ['token_bad_json', '200', 'stability_bad_answer'],
    ['arc_secret_rejected', '401', 'stability_bad_answer'],
    ['body_too_large', '200', 'stability_bad_answer'],
    ['connect_timeout', 'timeout', 'stability_no_answer'],
    ['connection_reset', 'reset', 'stability_no_answer'],
    ['connection_refused', 'refused', 'stability_no_answer'],
    ['no_response', 'no-response', 'stability_no_answer'],
    ['body_timeout', 'no-response', 'stability_no_answer'],
    ['protocol_error', 'no-response', 'stability_no_answer'],
  ] as const)('%s (%s) is %s', (code, outcome, expected) => {
    expect(failureClass(failed(code, outcome), 5)).toBe(expected);
  });

  it('every class is a registered code', () => {
    for (const c of FAILURE_CLASSES) expect(CODES).toContain(c);
    expect(CODES).toContain('stability_incomplete');
  });
});

describe('dominant', () => {
  it('the class seen most often', () => {
    expect(dominant({ stability_server_error: 1, stability_slow_answer: 3 })).toBe('stability_slow_answer');
  });

  it('ties go to the earlier class: throttled before server error before updating ...', () => {
    expect(dominant({ stability_bad_answer: 2, stability_server_error: 2 })).toBe('stability_server_error');
    expect(dominant({ stability_server_error: 2, stability_throttled: 2 })).toBe('stability_throttled');
  });

  it('none when nothing failed', () => {
    expect(dominant({})).toBeNull();
    expect(dominant({ stability_throttled: 0 })).toBeNull();
  });
});

describe('verdict', () => {
  const tally = (total: number, ok: number, requested = total) => ({
    requested,
    total,
    ok,
    failures: ok < total ? { stability_throttled: total - ok } : {},
  });

  it('pass when every sample succeeded', () => {
    expect(judgeTally(tally(20, 20), 95)).toEqual({ status: 'pass', code: 'ok', percent: 100 });
  });

  it('warn at exactly min-success-percent, fail just below', () => {
    expect(judgeTally(tally(20, 19), 95)).toEqual({
      status: 'warn',
      code: 'stability_throttled',
      percent: 95,
    });
    expect(judgeTally(tally(20, 18), 95)).toMatchObject({
      status: 'fail',
      code: 'stability_throttled',
      percent: 90,
    });
    expect(judgeTally(tally(20, 18), 90)).toMatchObject({ status: 'warn' });
  });

  it('min-success-percent 100: any failure fails; 0: a failure only warns', () => {
    expect(judgeTally(tally(1000, 999), 100)).toMatchObject({ status: 'fail' });
    expect(judgeTally(tally(10, 0), 0)).toMatchObject({ status: 'warn', percent: 0 });
  });

  it('fewer samples than asked for, all good: warn incomplete', () => {
    expect(judgeTally(tally(7, 7, 20), 95)).toMatchObject({ status: 'warn', code: 'stability_incomplete' });
  });

  it('fewer samples than asked for, with failures: the failure decides, as for a complete run', () => {
    expect(judgeTally(tally(7, 5, 20), 95)).toMatchObject({ status: 'fail', code: 'stability_throttled' });
  });

  it('the code is the dominant class, not the first one seen', () => {
    const v = judgeTally(
      { requested: 10, total: 10, ok: 6, failures: { stability_no_answer: 1, stability_server_error: 3 } },
      95,
    );
    expect(v.code).toBe('stability_server_error');
  });
});
