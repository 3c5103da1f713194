'use strict';
// The start-up floor (issue 11): the least a Node program can do for an IMDS check. One CommonJS file that
// requires only node:http; one keep-alive agent, so the token GET reuses the metadata GET's connection as the
// engine's does; the same two requests the product makes, each body parsed with JSON.parse.
// Usage: node http-floor.cjs http://127.0.0.1:PORT
//        node http-floor.cjs http://169.254.169.254 --in-bench-netns   (only inside the bench's own namespace)
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the floor is CommonJS by definition
const http = require('node:http');

const METADATA_PATH = '/metadata/instance?api-version=2021-02-01';
const TOKEN_PATH =
  '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';

const base = process.argv[2] ?? '';
// A speed bump, not a proof: scripts/bench/netns.mjs checks the namespace before it ever passes the flag.
const allowed =
  /^http:\/\/127\.0\.0\.1:\d+$/.test(base) ||
  (base === 'http://169.254.169.254' && process.argv[3] === '--in-bench-netns');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + path, { agent, headers: { Metadata: 'true' } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function main() {
  if (!allowed) throw new Error(`refusing '${base}': only the loopback emulator or the bench's namespace`);
  for (const path of [METADATA_PATH, TOKEN_PATH]) {
    const { status, body } = await get(path);
    if (status !== 200) throw new Error(`HTTP ${status} for ${path.split('?')[0]}`);
    JSON.parse(body.toString('utf8'));
  }
}

main()
  .catch((err) => {
    // Never the body (it could hold a token); a JSON SyntaxError message would quote part of it.
    const message = err instanceof SyntaxError ? 'body is not valid JSON' : err.message;
    process.stderr.write(`http-floor: ${err.code ? `${err.code} ` : ''}${message}\n`);
    process.exitCode = 1;
  })
  .finally(() => agent.destroy());
