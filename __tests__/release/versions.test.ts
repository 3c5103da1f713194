// One version everywhere: package.json, package-lock.json, every task.json, vss-extension.json and
// src/host/version.ts agree; `npm run version:set` moves them all (and the CHANGELOG) without touching anything
// else; the release notes come from the CHANGELOG section of the version.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../github/runner.js';

const VERSIONED = [
  'package.json',
  'package-lock.json',
  'vss-extension.json',
  'task.json',
  'src/host/version.ts',
];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const script = (name: string, args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', name), ...args], { encoding: 'utf8' });

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- something new

## [1.0.0] - 2026-01-01

### Added

- the first release

[Unreleased]: https://github.com/OWNER/imds-check/compare/v1.0.0...HEAD
[1.0.0]: https://github.com/OWNER/imds-check/releases/tag/v1.0.0
`;

/** A copy of the versioned files, plus a second task and a task.json inside node_modules (never touched). */
function copyOfRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imds-version-'));
  dirs.push(dir);
  for (const file of VERSIONED) cpSync(join(ROOT, file), join(dir, file));
  mkdirSync(join(dir, 'merge-task'));
  cpSync(join(ROOT, 'task.json'), join(dir, 'merge-task', 'task.json'));
  mkdirSync(join(dir, 'node_modules', 'some-package'), { recursive: true });
  cpSync(join(ROOT, 'task.json'), join(dir, 'node_modules', 'some-package', 'task.json'));
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
  return dir;
}

/** Lines of b that differ from a, as pairs. */
function changedLines(a: string, b: string): [string, string][] {
  const left = a.split('\n');
  const right = b.split('\n');
  expect(right.length).toBe(left.length);
  return left.flatMap((line, i) =>
    line === right[i] ? [] : [[line.trim(), right[i]!.trim()] as [string, string]],
  );
}

describe('versions', () => {
  it('every versioned file in the repository carries the package version', () => {
    const run = script('version-set.mjs', ['--check', pkg.version]);
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('--check fails and names each file that says something else', () => {
    const run = script('version-set.mjs', ['--check', '0.0.1']);
    expect(run.status).toBe(1);
    for (const file of VERSIONED) expect(run.stderr).toContain(`${file}: `);
  });

  it('version:set moves every version field, and only those, in one go', () => {
    const dir = copyOfRepository();
    const before = Object.fromEntries(
      [...VERSIONED, 'merge-task/task.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
    const run = script('version-set.mjs', ['--root', dir, '2.13.4']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const after = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(changedLines(before['package.json']!, after('package.json'))).toEqual([
      [`"version": "${pkg.version}",`, '"version": "2.13.4",'],
    ]);
    expect(changedLines(before['package-lock.json']!, after('package-lock.json'))).toHaveLength(2);
    expect(changedLines(before['vss-extension.json']!, after('vss-extension.json'))).toHaveLength(1);
    expect(changedLines(before['src/host/version.ts']!, after('src/host/version.ts'))).toEqual([
      [`export const TOOL_VERSION = '${pkg.version}';`, "export const TOOL_VERSION = '2.13.4';"],
    ]);
    for (const task of ['task.json', 'merge-task/task.json']) {
      expect(JSON.parse(after(task)).version).toEqual({ Major: 2, Minor: 13, Patch: 4 });
      expect(changedLines(before[task]!, after(task))).toHaveLength(3);
    }
    const lock = JSON.parse(after('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual(['2.13.4', '2.13.4']);
    expect(readFileSync(join(dir, 'node_modules', 'some-package', 'task.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'task.json'), 'utf8'),
    );
    expect(script('version-set.mjs', ['--root', dir, '--check', '2.13.4']).status).toBe(0);
  });

  it('version:set turns the Unreleased entries into the new version section, newest first', () => {
    const dir = copyOfRepository();
    expect(script('version-set.mjs', ['--root', dir, '1.1.0']).status).toBe(0);
    const log = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    const today = new Date().toISOString().slice(0, 10);
    expect(log).toContain(
      `## [Unreleased]\n\n## [1.1.0] - ${today}\n\n### Added\n\n- something new\n\n## [1.0.0]`,
    );
    expect(log).toContain(
      '[Unreleased]: https://github.com/OWNER/imds-check/compare/v1.1.0...HEAD\n' +
        '[1.1.0]: https://github.com/OWNER/imds-check/compare/v1.0.0...v1.1.0\n' +
        '[1.0.0]: https://github.com/OWNER/imds-check/releases/tag/v1.0.0\n',
    );
    const notes = script('changelog.mjs', ['notes', '1.1.0', join(dir, 'CHANGELOG.md')]);
    expect([notes.status, notes.stdout]).toEqual([0, '### Added\n\n- something new\n']);
    // A second run for the same version leaves the CHANGELOG alone.
    expect(script('version-set.mjs', ['--root', dir, '1.1.0']).status).toBe(0);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(log);
  });

  it('refuses a bad version or an empty Unreleased section, and then writes nothing', () => {
    const dir = copyOfRepository();
    expect(script('version-set.mjs', ['--root', dir, '1.2']).status).toBe(2);
    writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG.replace('### Added\n\n- something new\n\n', ''));
    const run = script('version-set.mjs', ['--root', dir, '3.0.0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Unreleased section of CHANGELOG.md is empty/);
    expect(script('version-set.mjs', ['--root', dir, '--check', pkg.version]).status).toBe(0);
  });

  it('release notes: the section of the version, or a failure naming the fix', () => {
    const dir = copyOfRepository();
    const file = join(dir, 'CHANGELOG.md');
    expect(script('changelog.mjs', ['notes', 'v1.0.0', file]).stdout).toBe(
      '### Added\n\n- the first release\n',
    );
    const missing = script('changelog.mjs', ['notes', '9.9.9', file]);
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringContaining('npm run version:set 9.9.9'),
    ]);
  });

  it("the repository's CHANGELOG has an Unreleased section to add entries to", () => {
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \[Unreleased\]$/m);
  });

  it('the first release (Unreleased until it is cut, then the oldest section) only adds: no history before it', () => {
    const log = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const headings = [...log.matchAll(/^## \[([^\]]+)\].*$/gm)];
    const first = headings.length > 1 ? headings[headings.length - 1]! : headings[0]!;
    const next = log.slice(first.index! + first[0].length).search(/^## |^\[[^\]]+\]: /m);
    const section = log.slice(first.index!, next < 0 ? undefined : first.index! + first[0].length + next);
    expect([...section.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual(['Added']);
  });
});
