// "Every run ends within timeout-seconds + 2 s" (DESIGN §3.1), even when each phase of each request is slow
// on its own: headers just before their bound, then a body that trickles.
import { afterEach, expect, test } from '@jest/globals';
import http from 'node:http';
import { parseOptions, runProbe } from '../../src/core/index.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import { engineContext } from '../helpers/engine-context.js';

let server: http.Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

test.each([1, 3])('slow headers then a trickling body: timeout-seconds %i holds', async (seconds) => {
  server = http.createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
    }, seconds * 500);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const parsed = parseOptions(
    { endpoint: `http://127.0.0.1:${port}`, mode: 'vm', 'timeout-seconds': String(seconds) },
    CLI_SPELLING,
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const started = Date.now();
  const { report } = await runProbe(parsed.options, engineContext().ctx);
  expect(Date.now() - started).toBeLessThan(seconds * 1000 + 2000);
  expect(report.reachable).toBe(false);
  expect(report.checks[1]).toMatchObject({ status: 'fail', code: 'body_timeout' });
});
