import { Budget } from '../../src/core/budget.js';
import { finishCheck, parseEndpoint, skipped } from '../../src/core/probe-context.js';
import { describeFailure, failureOutcome } from '../../src/core/transport.js';
import { fakeClock, fakeContext } from './fake-context.js';

describe('Budget', () => {
  it('counts down with the clock, caps phases and never goes negative', () => {
    const clock = fakeClock();
    const budget = new Budget(clock, 10_000);
    expect(budget.remaining()).toBe(10_000);
    expect(budget.cap(5_000)).toBe(5_000);
    clock.advance(7_000);
    expect(budget.cap(5_000)).toBe(3_000);
    expect(budget.expired()).toBe(false);
    clock.advance(4_000);
    expect(budget.remaining()).toBe(0);
    expect(budget.cap(5_000)).toBe(0);
    expect(budget.expired()).toBe(true);
  });
});

describe('parseEndpoint', () => {
  it.each([
    ['http://169.254.169.254', ['169.254.169.254'], 80, '169.254.169.254'],
    ['http://localhost:40342', ['127.0.0.1', '::1'], 40342, 'localhost:40342'],
    ['http://LOCALHOST:40342', ['127.0.0.1', '::1'], 40342, 'localhost:40342'],
    ['http://127.0.0.1:9000', ['127.0.0.1'], 9000, '127.0.0.1:9000'],
    ['http://[::1]:9000', ['::1'], 9000, '[::1]:9000'],
  ] as const)('%s → connect %j port %i, Host %s', (base, hosts, port, hostHeader) => {
    expect(parseEndpoint(base)).toEqual({
      base: `http://${hostHeader}`,
      connectHosts: hosts,
      port,
      hostHeader,
    });
  });
});

describe('finishCheck and skipped', () => {
  const ctx = fakeContext();
  const run = { mode: 'vm' as const, ctx };

  it('a pass carries no remediation', () => {
    const c = finishCheck(run, 'metadata', ctx.clock.now(), {
      status: 'pass',
      code: 'ok',
      message: 'fine',
      attempts: 1,
      httpStatus: 200,
      outcome: '200',
    });
    expect(c).toMatchObject({
      id: 'metadata',
      status: 'pass',
      remediation: '',
      attempts: 1,
      httpStatus: 200,
      outcome: '200',
    });
  });

  it('a failure carries the hint first, then the code remediation for the mode', () => {
    const c = finishCheck(run, 'reachability', ctx.clock.now(), {
      status: 'fail',
      code: 'connection_refused',
      message: 'no',
      hint: 'First this.',
    });
    expect(c.remediation.startsWith('First this. ')).toBe(true);
    expect(c.remediation).toContain('169.254.169.254');
    const arc = finishCheck({ mode: 'arc', ctx }, 'reachability', ctx.clock.now(), {
      status: 'fail',
      code: 'connection_refused',
      message: 'no',
    });
    expect(arc.remediation).toContain('himdsd');
  });

  it('measures duration with the context clock', () => {
    const clock = fakeClock();
    const c2 = fakeContext({ clock });
    const started = clock.now();
    clock.advance(1234);
    expect(
      finishCheck({ mode: 'vm', ctx: c2 }, 'token', started, { status: 'pass', code: 'ok', message: '' })
        .durationMs,
    ).toBe(1234);
  });

  it('skipped() is a skip with outcome skipped and no remediation', () => {
    expect(skipped(run, 'token', 'Not requested.')).toMatchObject({
      status: 'skip',
      code: 'skipped',
      outcome: 'skipped',
      remediation: '',
      attempts: 0,
      httpStatus: null,
    });
  });
});

describe('transport outcome words', () => {
  it.each([
    ['connect_timeout', 'timeout'],
    ['connection_refused', 'refused'],
    ['network_unreachable', 'unreachable'],
    ['connection_reset', 'reset'],
    ['no_response', 'no-response'],
    ['body_timeout', 'no-response'],
  ] as const)('%s → %s', (failure, word) => {
    expect(failureOutcome({ failure, status: null })).toBe(word);
  });

  it('a body too large keeps the status that had arrived', () => {
    expect(failureOutcome({ failure: 'body_too_large', status: 200 })).toBe('200');
  });

  it('describes a failure with its errno, but not the synthetic ones', () => {
    expect(describeFailure({ failure: 'connection_refused', errno: 'ECONNREFUSED' })).toContain(
      '(ECONNREFUSED)',
    );
    expect(describeFailure({ failure: 'connect_timeout', errno: 'ETIMEDOUT' })).not.toContain('ETIMEDOUT');
  });
});
