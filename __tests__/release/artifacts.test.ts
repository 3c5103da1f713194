// The two release files: the single-file CLI runs on its own (its lazy emulator chunk inlined), and the VSIX
// built for a publisher has that publisher and a Marketplace overview whose links all leave the repository
// as absolute links to files that exist.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../github/runner.js';
import { readZip } from '../azure-devops/zip-reader.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imds-release-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (name: string, args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', name), ...args], { encoding: 'utf8', cwd: ROOT });

describe('single-file CLI', () => {
  it('is one file that runs from anywhere, emulator included', () => {
    const out = join(dir, 'cli', 'imds-check.cjs');
    const build = script('build-cli.mjs', [out]);
    expect([build.status, build.stderr]).toEqual([0, '']);
    expect(readdirSync(join(dir, 'cli'))).toEqual(['imds-check.cjs']);
    const code = readFileSync(out, 'utf8');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(code).not.toContain('require("./"');
    // Run it away from dist/: the version, and `emulate --list`, which needs the inlined emulator chunk.
    const run = (args: string[]) =>
      spawnSync(process.execPath, [out, ...args], { encoding: 'utf8', cwd: dir });
    expect(run(['--version']).stdout.trim()).toBe(`imds-check ${pkg.version}`);
    const list = run(['emulate', '--list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^healthy\s/m);
  });
});

describe('VSIX for a publisher', () => {
  const repository = 'https://github.com/acme/imds-check';
  let files: ReturnType<typeof readZip>;
  beforeAll(() => {
    const out = join(dir, 'vsix');
    const run = script('package-ado.mjs', [
      out,
      '--publisher',
      'contoso-platform',
      '--repository',
      repository,
      '--ref',
      'v7.8.9',
    ]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readdirSync(out)).toEqual([`contoso-platform.imds-check-${pkg.version}.vsix`]);
    files = readZip(join(out, readdirSync(out)[0]!));
  }, 120_000);

  it('names the publisher in its manifest', () => {
    expect(files.read('extension.vsixmanifest').toString('utf8')).toMatch(
      /<Identity [^>]*Publisher="contoso-platform"/,
    );
  });

  it('has an overview with absolute links only, each to a file of this repository at the given ref', () => {
    const overview = files.read('overview.md').toString('utf8');
    const targets = [...overview.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      if (target.startsWith('#')) {
        // An anchor of the overview itself: a heading it contains.
        expect(overview.toLowerCase()).toContain(`## ${target.slice(1).replace(/-/g, ' ')}`);
        continue;
      }
      expect(target).toMatch(/^https:\/\//);
      if (target.startsWith(`${repository}/`)) {
        const match = /^https:\/\/github\.com\/acme\/imds-check\/(?:blob|tree)\/v7\.8\.9\/([^#]+)/.exec(
          target,
        );
        expect([target, match !== null]).toEqual([target, true]);
        expect([target, existsSync(join(ROOT, match![1]!))]).toEqual([target, true]);
      }
    }
  });

  it('refuses a publisher id the Marketplace would not accept', () => {
    const run = script('package-ado.mjs', [join(dir, 'bad'), '--publisher', 'not a publisher']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--publisher');
  });
});
