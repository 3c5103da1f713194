// The pieces every check shares: the run's deadline, finish() (neutralised text, the code's remedy for the
// mode and the caller's spelling, timings, details) and skip(), and the transport words.
import { Budget } from '../../../src/core/imds/budget.js';
import { metadataCheck } from '../../../src/core/checks/metadata/index.js';
import { finish, skip } from '../../../src/core/pipeline/check.js';
import { describeFailure, failureOutcome } from '../../../src/core/imds/failures.js';
import type { RuntimeContext } from '../../../src/core/context.js';
import type { Mode } from '../../../src/core/types.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../../src/host/spelling.js';
import { fakeClock, fakeContext } from '../../helpers/fake-context.js';
import { targetFor } from '../../helpers/fake-run.js';

const runFor = (mode: Mode, ctx: RuntimeContext = fakeContext()) => ({ target: targetFor(mode), ctx });
const METADATA = metadataCheck;
const REACH = { id: 'reachability', title: 'IMDS reachable' } as const;

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

describe('finish and skip', () => {
  const run = runFor('vm');

  it('a pass carries no remediation', () => {
    const c = finish(run, METADATA, run.ctx.clock.now(), {
      status: 'pass',
      code: 'ok',
      message: 'fine',
      attempts: 1,
      httpStatus: 200,
      outcome: '200',
    });
    expect(c).toEqual({
      id: 'metadata',
      title: 'Instance metadata',
      status: 'pass',
      code: 'ok',
      message: 'fine',
      remediation: '',
      durationMs: 0,
      attempts: 1,
      httpStatus: 200,
      outcome: '200',
    });
  });

  it('a failure carries the hint first, then the code remediation for the mode', () => {
    const c = finish(run, REACH, run.ctx.clock.now(), {
      status: 'fail',
      code: 'connection_refused',
      message: 'no',
      hint: 'First this.',
    });
    expect(c.remediation.startsWith('First this. ')).toBe(true);
    expect(c.remediation).toContain('169.254.169.254');
    expect(c.remediation).not.toContain('himdsd');
    const arc = finish(runFor('arc'), REACH, run.ctx.clock.now(), {
      status: 'fail',
      code: 'connection_refused',
      message: 'no',
    });
    expect(arc.remediation).toContain('himdsd');
    expect(arc.remediation).not.toContain('169.254.169.254:80');
  });

  it('a warning gets its remedy too', () => {
    const c = finish(run, METADATA, 0, { status: 'warn', code: 'metadata_value_rejected', message: 'm' });
    expect(c.remediation).toMatch(/shape/);
  });

  it.each([
    ['the Action', ACTION_SPELLING, 'timeout-seconds'],
    ['the task', TASK_SPELLING, 'timeoutSeconds'],
    ['the CLI', CLI_SPELLING, '--timeout-seconds'],
  ])('names inputs in advice the way %s spells them', (_, spell, name) => {
    const c = finish(runFor('vm', fakeContext({ spell })), METADATA, 0, {
      status: 'fail',
      code: 'deadline_exceeded',
      message: 'm',
    });
    expect(c.remediation).toContain(`${name} `);
    for (const other of ['timeout-seconds', 'timeoutSeconds'].filter((n) => !name.endsWith(n)))
      expect(c.remediation).not.toContain(other);
  });

  it('measures duration with the context clock', () => {
    const clock = fakeClock();
    const c2 = fakeContext({ clock });
    const started = clock.now();
    clock.advance(1234);
    expect(
      finish(runFor('vm', c2), METADATA, started, { status: 'pass', code: 'ok', message: '' }).durationMs,
    ).toBe(1234);
  });

  it('neutralises the message, the hint and every detail cell, and keeps data as given', () => {
    const hostile = 'vm1 ##vso[task.setvariable variable=X]y\n::error::z \u001b[31mred\u202e';
    const c = finish(run, METADATA, 0, {
      status: 'fail',
      code: 'metadata_bad_shape',
      message: hostile,
      hint: `hint ${hostile}`,
      details: [{ title: `t ${hostile}`, columns: ['host', `c ${hostile}`], rows: [['a.example', hostile]] }],
      data: { raw: hostile },
    });
    const texts = [
      c.message,
      c.remediation,
      ...c.details!.flatMap((t) => [t.title, ...t.columns, ...t.rows.flat()]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/##vso\[|##\[|[\u0000-\u001f\u007f-\u009f\u202e]/i);
      expect(text).not.toMatch(/^\s*::/);
    }
    expect(c.message).toBe('vm1 ##vso(task.setvariable variable=X]y ::error::z red');
    expect(c.details![0]!.rows[0]![0]).toBe('a.example');
    // data is the JSON report's raw value; safeJson guards it when written.
    expect(c.data).toEqual({ raw: hostile });
  });

  it('clips a huge message', () => {
    const c = finish(run, METADATA, 0, {
      status: 'fail',
      code: 'metadata_bad_json',
      message: 'x'.repeat(100_000),
    });
    expect(c.message.length).toBeLessThanOrEqual(4000);
    expect(c.message.endsWith('…')).toBe(true);
  });

  it('skip() is a skip with outcome skipped and no remediation', () => {
    expect(skip(run, { id: 'token', title: 'Managed-identity token' }, 'Not requested.')).toMatchObject({
      id: 'token',
      status: 'skip',
      code: 'skipped',
      message: 'Not requested.',
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
