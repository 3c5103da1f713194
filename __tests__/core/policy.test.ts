import { checkCodes, exitCodeFor, stepVerdict } from '../../src/core/policy.js';
import type { FailOn, Report, RunResult } from '../../src/core/types.js';

describe('stepVerdict and exitCodeFor: every result × reachable × fail-on', () => {
  const results: RunResult[] = ['pass', 'warn', 'fail'];
  const failOns: FailOn[] = ['error', 'unreachable', 'never'];
  // Straight from DESIGN §3: fail+error fails; unreachable fails only when not reachable; warn never fails;
  // anything let through that is not a clean pass is "succeeded with issues".
  const expected = (result: RunResult, reachable: boolean, failOn: FailOn) => {
    if (failOn === 'error' && result === 'fail') return 'failed';
    if (failOn === 'unreachable' && !reachable) return 'failed';
    return result === 'pass' ? 'succeeded' : 'succeeded-with-issues';
  };
  const table = results.flatMap((result) =>
    [true, false].flatMap((reachable) => failOns.map((failOn) => [result, reachable, failOn] as const)),
  );

  it('covers all 18 combinations', () => expect(table).toHaveLength(18));

  it.each(table)('result=%s reachable=%s fail-on=%s', (result, reachable, failOn) => {
    const verdict = stepVerdict({ result, reachable, failOn });
    expect(verdict).toBe(expected(result, reachable, failOn));
    expect(exitCodeFor({ result, reachable, failOn })).toBe(verdict === 'failed' ? 1 : 0);
  });

  it('spot checks the cases users ask about', () => {
    expect(stepVerdict({ result: 'fail', reachable: true, failOn: 'unreachable' })).toBe(
      'succeeded-with-issues',
    );
    expect(stepVerdict({ result: 'fail', reachable: false, failOn: 'never' })).toBe('succeeded-with-issues');
    expect(stepVerdict({ result: 'warn', reachable: true, failOn: 'error' })).toBe('succeeded-with-issues');
    expect(exitCodeFor({ result: 'warn', reachable: true, failOn: 'error' })).toBe(0);
    expect(exitCodeFor({ result: 'fail', reachable: true, failOn: 'error' })).toBe(1);
  });
});

describe('checkCodes', () => {
  const checks = [
    { id: 'environment', status: 'warn', code: 'proxy_without_imds_bypass' },
    { id: 'reachability', status: 'pass', code: 'ok' },
    { id: 'metadata', status: 'fail', code: 'metadata_not_found' },
    { id: 'token', status: 'fail', code: 'token_identity_not_found' },
  ] as unknown as Report['checks'];
  it('lists id: code for the asked statuses, in check order', () => {
    expect(checkCodes({ checks }, ['fail'])).toBe(
      'metadata: metadata_not_found, token: token_identity_not_found',
    );
    expect(checkCodes({ checks }, ['warn'])).toBe('environment: proxy_without_imds_bypass');
    expect(checkCodes({ checks }, ['skip'])).toBe('');
  });
});
