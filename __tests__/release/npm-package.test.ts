// The npm package: `npm pack` ships only what runs (dist/, the manifests, README, LICENSE, CHANGELOG) and no
// runtime dependency, and the packed tarball, installed globally and offline by an unprivileged user into a
// prefix of its own, gives a working `imds-check` command (its version, and the emulator's scenario list, which
// needs the lazily loaded emulator chunk). As root the install and the CLI run as `nobody` inside a network
// namespace with only loopback; as any other user they run as that user, npm with `--offline`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from '../github/runner.js';

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  [field: string]: unknown;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** What may ship: the bundles, the manifests and the three documents. */
const SHIPPABLE = [
  /^dist\//,
  /^(merge\/)?(action\.yml|task\.json)$/,
  /^vss-extension\.json$/,
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
];

/** The npm CLI entry this test runs with node (no shell, so it works the same for every user). */
function npmCli(): string | null {
  const fromRun = process.env['npm_execpath'];
  if (fromRun && /npm-cli\.js$/.test(fromRun) && existsSync(fromRun)) return fromRun;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (existsSync(candidate)) {
      const real = realpathSync(candidate);
      if (real.endsWith('.js')) return real;
    }
  }
  return null;
}

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const npm = npmCli();
let dir: string;
let tarball: string;
let packed: string[];

/**
 * Runs a command as the unprivileged user: as root `nobody` in a namespace with only loopback, else this user.
 * A clean environment: no npm_config_* of the surrounding `npm test` (root's cache, a global prefix) leaks in.
 */
function asUser(argv: string[]): SpawnSyncReturns<string> {
  const env = {
    PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter),
    HOME: join(dir, 'home'),
    npm_config_cache: join(dir, 'home', '.npm'),
    npm_config_update_notifier: 'false',
  };
  const command = isRoot
    ? [
        'unshare',
        '--net',
        '--',
        'setpriv',
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        '--',
        ...argv,
      ]
    : argv;
  return spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env, cwd: dir, timeout: 120_000 });
}

/** Why the install cannot be tried here, or null. */
function installSkipReason(): string | null {
  if (process.platform !== 'linux') return `runs on Linux only (this is ${process.platform})`;
  if (npm === null) return 'no npm-cli.js found (npm_execpath unset, no npm on PATH)';
  const probe = asUser([process.execPath, npm, '--version']);
  if (probe.error || probe.status !== 0) {
    const why = probe.error?.message ?? (probe.stderr.trim().split('\n')[0] || `exit ${probe.status}`);
    return isRoot
      ? `cannot run node and npm as the unprivileged user ${NOBODY} in a network namespace (${why})`
      : `cannot run node and npm (${why})`;
  }
  return null;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imds-npm-'));
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'prefix'));
  const run = spawnSync(
    process.execPath,
    [npm ?? 'npm', 'pack', '--json', '--pack-destination', dir, '--loglevel=error'],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  expect([run.status, run.stderr]).toEqual([0, '']);
  const [result] = JSON.parse(run.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(dir, result.filename);
  packed = result.files.map((f) => f.path).sort();
  if (isRoot) {
    // The unprivileged user owns its scratch folder, so npm can write its cache and the prefix there.
    for (const path of [dir, join(dir, 'home'), join(dir, 'prefix'), tarball])
      chownSync(path, NOBODY, NOBODY);
    chmodSync(dir, 0o755);
  }
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm package', () => {
  it('is publishable and depends on nothing at run time', () => {
    expect(pkg.private).toBeUndefined();
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
      expect([field, pkg[field]]).toEqual([field, undefined]);
  });

  it('packs only what runs: the bundles, the manifests, README, LICENSE and CHANGELOG', () => {
    expect(packed.filter((file) => !SHIPPABLE.some((allowed) => allowed.test(file)))).toEqual([]);
    expect(packed).toEqual(
      expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'action.yml', 'task.json']),
    );
    // Never a code cache the CLI wrote next to itself in this checkout (V8 code for this machine's Node).
    expect(packed.filter((file) => file.includes('v8cache'))).toEqual([]);
  });

  it('packs every file its bin and exports point at, and the CLI chunks beside them', () => {
    const targets = [
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((entry) =>
        typeof entry === 'string' ? [entry] : Object.values(entry),
      ),
    ].map((target) => target.replace(/^\.\//, ''));
    expect(targets.filter((target) => !packed.includes(target))).toEqual([]);
    const shippedCli = packed.filter((file) => file.startsWith('dist/cli/'));
    const builtCli = spawnSync('git', ['ls-files', 'dist/cli'], { cwd: ROOT, encoding: 'utf8' });
    if (builtCli.status === 0 && builtCli.stdout.trim() !== '')
      expect(shippedCli).toEqual(builtCli.stdout.trim().split('\n').sort());
    expect(shippedCli).toEqual(expect.arrayContaining(['dist/cli/index.js', 'dist/cli/imds-check.cjs']));
  });

  it('installs globally from the tarball as an unprivileged user, offline, and `imds-check` runs', () => {
    const reason = installSkipReason();
    if (reason) {
      console.log(`npm package install test skipped: ${reason}`);
      return;
    }
    const prefix = join(dir, 'prefix');
    const install = asUser([
      process.execPath,
      npm!,
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarball,
    ]);
    expect([install.status, install.stderr]).toEqual([0, '']);
    const installed = join(prefix, 'lib', 'node_modules', ...pkg.name.split('/'));
    // No runtime dependency: nothing but the package itself was installed.
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(Object.keys(pkg.bin)).toEqual(['imds-check']);
    const bin = join(prefix, 'bin', 'imds-check');
    expect(realpathSync(bin)).toBe(join(installed, pkg.bin['imds-check']!));

    const version = asUser([bin, '--version']);
    expect([version.status, version.stdout.trim(), version.stderr]).toEqual([
      0,
      `imds-check ${pkg.version}`,
      '',
    ]);
    const list = asUser([bin, 'emulate', '--list']);
    expect([list.status, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toMatch(/^healthy\s/m);
    expect(list.stdout).toMatch(/^no-identity\s/m);
  }, 150_000);
});
