// The two release files: the single-file CLI runs on its own (its lazy emulator chunk inlined), and the VSIX
// built for a publisher has that publisher, no OWNER placeholder in any file, and a Marketplace overview whose
// links all leave the repository as absolute links to files that exist. Without a publisher and a repository
// of its own, package:ado refuses to build (the manifest's values are placeholders).
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
/** package:ado into `out` for a publisher and a repository, with more options after them. */
const packageAdo = (out: string, publisher: string, repository: string, ...more: string[]) =>
  script('package-ado.mjs', [out, '--publisher', publisher, '--repository', repository, ...more]);

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
    const run = packageAdo(out, 'contoso-platform', repository, '--ref', 'v7.8.9');
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readdirSync(out)).toEqual([`contoso-platform.imds-check-${pkg.version}.vsix`]);
    files = readZip(join(out, readdirSync(out)[0]!));
  }, 120_000);

  it('names the publisher in its manifest', () => {
    expect(files.read('extension.vsixmanifest').toString('utf8')).toMatch(
      /<Identity [^>]*Publisher="contoso-platform"/,
    );
  });

  it('holds no OWNER placeholder in any file: the source link and every code link are the repository given', () => {
    const withPlaceholder = files.entries
      .map((entry) => entry.name)
      .filter((name) => files.read(name).includes('OWNER'));
    expect(withPlaceholder).toEqual([]);
    expect(files.read('extension.vsixmanifest').toString('utf8')).toContain(`Value="${repository}"`);
    expect(JSON.parse(files.read('ImdsCheckV1/imds-check.json').toString('utf8'))).toEqual({
      errorsDoc: `${repository}/blob/v7.8.9/docs/errors.md`,
    });
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

  it("refuses the manifest's placeholders, naming --publisher and --repository, and builds nothing", () => {
    const out = join(dir, 'placeholders');
    const neither = script('package-ado.mjs', [out]);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toMatch(/--publisher [\s\S]*--repository /);
    const publisherOnly = script('package-ado.mjs', [out, '--publisher', 'contoso-platform']);
    expect(publisherOnly.status).toBe(1);
    expect(publisherOnly.stderr).toContain('--repository ');
    expect(publisherOnly.stderr).not.toContain('--publisher ');
    const ownerGiven = packageAdo(out, 'contoso-platform', 'https://github.com/OWNER/imds-check');
    expect([ownerGiven.status, ownerGiven.stderr]).toEqual([1, expect.stringContaining('--repository ')]);
    const placeholderPublisher = packageAdo(out, 'imds-check', repository);
    expect([placeholderPublisher.status, placeholderPublisher.stderr]).toEqual([
      1,
      expect.stringContaining('--publisher '),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('--check says whether the publisher and repository are ready, and builds nothing', () => {
    const out = join(dir, 'checked');
    const ready = packageAdo(out, 'acme', repository, '--check');
    expect([ready.status, ready.stderr]).toEqual([0, '']);
    expect(ready.stdout).toContain('publisher acme');
    expect(script('package-ado.mjs', [out, '--check']).status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a publisher id the Marketplace would not accept', () => {
    const run = script('package-ado.mjs', [join(dir, 'bad'), '--publisher', 'not a publisher']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--publisher');
  });
});
