import { Budget } from '../../../src/core/imds/budget.js';
import type { HttpResult } from '../../../src/core/imds/http.js';
import { withRetry, type RequestKind } from '../../../src/core/imds/retry.js';
import { answer, failure, json } from '../../helpers/answers.js';
import { fakeClock } from '../../helpers/fake-context.js';

interface Script {
  results: HttpResult[];
  sendMs?: number;
}

async function run(kind: RequestKind, script: Script, budgetMs: number, random: () => number = () => 0.5) {
  const clock = fakeClock();
  const budget = new Budget(clock, budgetMs);
  const deadline = clock.now() + budgetMs;
  let sent = 0;
  const send = async (): Promise<HttpResult> => {
    clock.advance(script.sendMs ?? 0);
    const r = script.results[Math.min(sent, script.results.length - 1)]!;
    sent += 1;
    return r;
  };
  const out = await withRetry(kind, send, { clock, random, budget });
  return {
    ...out,
    sent,
    sleeps: clock.sleeps,
    slept: clock.sleeps.reduce((a, b) => a + b, 0),
    endedAt: clock.now(),
    deadline,
  };
}

describe('withRetry', () => {
  it('stops on success', async () => {
    const r = await run(
      'metadata',
      {
        results: [
          json(500, { error: 'x' }),
          json(503, { error: 'y' }),
          json(200, { compute: { vmId: 'x' } }),
        ],
      },
      30_000,
    );
    expect(r.result).toMatchObject({ kind: 'answer', status: 200 });
    expect(r.attempts).toBe(3);
    expect(r.sent).toBe(3);
    expect(r.sleeps).toHaveLength(2);
    for (const s of r.sleeps) expect(s).toBeGreaterThanOrEqual(1000);
  });

  it('does not retry a non-retryable status', async () => {
    const r = await run('metadata', { results: [answer(403)] }, 30_000);
    expect(r.attempts).toBe(1);
    expect(r.sleeps).toEqual([]);
  });

  it('stops at the first non-retryable answer after retryable ones', async () => {
    const r = await run(
      'token',
      { results: [answer(429), answer(400, '{"error":"invalid_request"}')] },
      30_000,
    );
    expect(r.result).toMatchObject({ status: 400 });
    expect(r.attempts).toBe(2);
    expect(r.sleeps).toHaveLength(1);
  });

  it('retries 404 for token requests only', async () => {
    const token = await run('token', { results: [answer(404), answer(200)] }, 30_000);
    expect(token.attempts).toBe(2);
    const metadata = await run('metadata', { results: [answer(404), answer(200)] }, 30_000);
    expect(metadata.attempts).toBe(1);
    expect(metadata.result).toMatchObject({ status: 404 });
  });

  it('retries a transport failure once only', async () => {
    const r = await run('metadata', { results: [failure('no_response', 'ETIMEDOUT')] }, 60_000);
    expect(r.attempts).toBe(2);
    expect(r.sleeps).toHaveLength(1);
  });

  it('does not retry a proxy 502 page', async () => {
    const r = await run(
      'metadata',
      { results: [answer(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' }), answer(200)] },
      60_000,
    );
    expect(r.attempts).toBe(1);
  });

  it('does not retry a refused connection', async () => {
    const r = await run('metadata', { results: [failure('connection_refused', 'ECONNREFUSED')] }, 30_000);
    expect(r.attempts).toBe(1);
  });

  const budgets = [1_000, 2_500, 10_000, 30_000, 70_000];
  const statuses = [500, 410, 429];
  const randoms: [string, () => number][] = [
    ['0', () => 0],
    ['0.999', () => 0.999],
  ];
  const table = budgets.flatMap((b) =>
    statuses.flatMap((s) => randoms.map(([name, fn]) => [b, s, name, fn] as const)),
  );

  it.each(table)(
    'budget %i ms, persistent %i, random %s: never sleeps past the budget',
    async (budgetMs, status, _, random) => {
      const r = await run(
        'metadata',
        { results: [json(status, { error: 'busy' })], sendMs: 50 },
        budgetMs,
        random,
      );
      expect(r.slept).toBeLessThan(budgetMs);
      expect(r.endedAt).toBeLessThanOrEqual(r.deadline);
      expect(r.result).toMatchObject({ kind: 'answer', status });
      expect(r.attempts).toBe(r.sent);
      expect(r.sleeps).toHaveLength(r.attempts - 1);
      if (budgetMs >= 10_000) expect(r.attempts).toBeGreaterThan(1);
    },
  );

  it('returns the 429 without sleeping when Retry-After is beyond the budget', async () => {
    const r = await run(
      'token',
      { results: [answer(429, '', { 'Retry-After': '60' }), answer(200)] },
      30_000,
    );
    expect(r.result).toMatchObject({ status: 429 });
    expect(r.attempts).toBe(1);
    expect(r.sleeps).toEqual([]);
  });

  it('honours a Retry-After that fits in the budget', async () => {
    const r = await run(
      'metadata',
      { results: [answer(429, '', { 'Retry-After': '3' }), answer(200)] },
      30_000,
    );
    expect(r.sleeps).toEqual([3000]);
    expect(r.result).toMatchObject({ status: 200 });
  });

  // DESIGN §4 and Microsoft's guidance: a 410 means "IMDS is updating, available within 70 s". With a budget
  // that allows it, retries must span about 70 s whatever the jitter draws.
  it.each<[string, () => number]>([
    ['0', () => 0],
    ['0.5', () => 0.5],
    ['0.999', () => 0.999],
  ])('keeps retrying a 410 for about 70 s when the budget allows (random %s)', async (_, random) => {
    for (const kind of ['metadata', 'token'] as const) {
      const r = await run(kind, { results: [json(410, { error: 'gone' })], sendMs: 10 }, 120_000, random);
      expect(r.slept).toBeGreaterThanOrEqual(60_000);
      expect(r.endedAt).toBeLessThanOrEqual(r.deadline);
    }
  });

  it('gives up after a bounded number of attempts when the budget is huge', async () => {
    const r = await run('metadata', { results: [json(500, { error: 'busy' })] }, 10 * 60_000, () => 0);
    expect(r.attempts).toBeGreaterThan(3);
    expect(r.attempts).toBeLessThanOrEqual(10);
    expect(r.result).toMatchObject({ status: 500 });
  });
});
