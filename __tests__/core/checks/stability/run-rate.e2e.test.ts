// The rate limit counts every request of a run, not only samples: a first run whose retries come back to
// back (429 with Retry-After: 0) is held to 5 requests in any second too. The server is a few lines on
// loopback, because no emulator scenario answers Retry-After: 0.
import { afterAll, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseOptions, runProbe } from '../../../../src/core/index.js';
import { CLI_SPELLING } from '../../../../src/host/spelling.js';
import { peakRequestRate } from '../../../../src/emulator/index.js';
import { engineContext } from '../../../helpers/engine-context.js';

const arrivals: { time: number }[] = [];
const INSTANCE = JSON.stringify({
  compute: { vmId: '74436628-93e4-401b-adfc-ee161f24a087', name: 'vm-rate', location: 'westeurope' },
});
const server = http.createServer((req, res) => {
  arrivals.push({ time: Date.now() });
  const throttled = arrivals.length < 8;
  res.writeHead(throttled ? 429 : 200, {
    'Content-Type': 'application/json',
    Server: 'IMDS/150.870.65.1854',
    ...(throttled ? { 'Retry-After': '0' } : {}),
  });
  res.end(throttled ? JSON.stringify({ error: 'Too many requests' }) : INSTANCE);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('first-run retries with Retry-After: 0 stay within 5 requests per second', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const parsed = parseOptions(
    { endpoint: `http://127.0.0.1:${port}`, mode: 'vm', identity: 'none', 'timeout-seconds': '20' },
    CLI_SPELLING,
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { report } = await runProbe(parsed.options, engineContext().ctx);
  const metadata = report.checks.find((c) => c.id === 'metadata')!;
  // Seven 429s, then the document: eight attempts, the most the metadata check makes.
  expect([metadata.status, metadata.attempts]).toEqual(['pass', 8]);
  expect(arrivals).toHaveLength(8);
  expect(peakRequestRate(arrivals, 1000)).toBeLessThanOrEqual(5);
  // Without the pacer all eight would arrive within a few milliseconds.
  expect(arrivals.at(-1)!.time - arrivals[0]!.time).toBeGreaterThanOrEqual(1000);
});
