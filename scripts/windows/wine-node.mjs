// Runs the Windows build of Node under Wine as if it were `node`: the launcher that scripts/windows/node.mjs
// writes (`<cache>/bin/node`) execs this file with its config, so the test harnesses can spawn it like any node.
// - Wine cannot hand a pipe to a Windows process's stdout (EBADF on the first write): the child writes to
//   files, which are copied to our stdout and stderr when it ends.
// - Host paths in the arguments and in the environment (GITHUB_OUTPUT, RUNNER_TEMP, inputs ...) are passed
//   in Windows spelling (Z:\tmp\..., C:\ for the prefix's drive_c), as a Windows runner or agent passes them.
// - Safety (rule 1): Wine opens sockets in its wineserver, so a Windows process uses the network namespace of
//   the wineserver it talks to, not its own. Outside the namespace the launcher was written in, the process
//   gets a wineserver of its own inside its namespace: a private mount namespace hides the shared server's
//   socket folder under an empty tmpfs (root only; refused otherwise).
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, readlinkSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toWindowsPath } from './paths.mjs';

/** Set to 1: a wineserver of this process's own, even in the launcher's namespace (not passed on). */
export const OWN_SERVER = 'IMDS_CHECK_WINE_OWN_SERVER';

// Variables Wine itself reads as host paths, or that only the host uses: never respelled.
const HOST_VARIABLES = new Set(['HOME', 'PATH', 'PWD', 'OLDPWD', 'SHELL', 'TMPDIR']);

/** An absolute host path whose first folder exists here (so `/subscriptions/...` stays as it is). */
function isHostPath(value) {
  if (!/^\/[^\n\0]*$/.test(value) || value.includes('//')) return false;
  const top = value.split('/')[1];
  return top !== '' && existsSync(`/${top}`);
}

export function windowsEnvironment(env, config) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name.startsWith('WINE') || name === OWN_SERVER) continue;
    out[name] = !HOST_VARIABLES.has(name) && isHostPath(value) ? toWindowsPath(value, config.prefix) : value;
  }
  return { ...out, ...config.wineEnv };
}

export const windowsArguments = (args, config) =>
  args.map((arg) => (isHostPath(arg) ? toWindowsPath(arg, config.prefix) : arg));

/**
 * The folder that holds the shared wineserver's socket: Debian names it in <prefix>/wineserver, under TMPDIR
 * (which every Wine process of the leg gets as /tmp); upstream Wine uses /tmp/.wine-<uid>.
 */
function serverFolder(config) {
  const named = join(config.prefix, 'wineserver');
  const tmp = config.wineEnv.TMPDIR ?? '/tmp';
  if (existsSync(named)) return join(tmp, readFileSync(named, 'utf8').trim());
  return `/tmp/.wine-${process.getuid()}`;
}

function command(config, args) {
  const wine = [config.wine, config.nodeExe, ...windowsArguments(args, config)];
  const here = readlinkSync('/proc/self/ns/net');
  // Also asked for by a caller with fewer rights than the shared server: Wine opens files there too.
  const own = process.env[OWN_SERVER] === '1';
  if (here === config.hostNetns && !own) return wine;
  if (process.getuid() !== 0) {
    throw new Error(`wine-node: a private wineserver is needed (namespace ${here}): root only`);
  }
  const folder = serverFolder(config);
  if (!existsSync(folder)) throw new Error(`wine-node: the wineserver folder ${folder} does not exist`);
  // mount fails -> nothing runs (set -e): the process never reaches the shared server.
  const script = 'set -e; mount -t tmpfs -o mode=0700 imds-check-wine "$1"; shift; exec "$@"';
  return ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', folder, ...wine];
}

async function main() {
  const [flag, configPath, ...args] = process.argv.slice(2);
  if (flag !== '--config' || !configPath) throw new Error('usage: wine-node.mjs --config FILE ARGS...');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  const argv = command(config, args);
  const scratch = mkdtempSync(join(tmpdir(), 'imds-check-wine-'));
  const out = openSync(join(scratch, 'stdout'), 'w');
  const err = openSync(join(scratch, 'stderr'), 'w');
  const child = spawn(argv[0], argv.slice(1), {
    stdio: ['ignore', out, err],
    env: windowsEnvironment(process.env, config),
  });
  closeSync(out);
  closeSync(err);
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill('SIGKILL'));
  // A bound of our own: a caller that SIGKILLs this process cannot reach the Windows one.
  const killer = setTimeout(() => child.kill('SIGKILL'), config.timeoutMs);
  const [code, signal] = await new Promise((resolve) => {
    child.on('error', (e) => resolve([127, e.message]));
    child.on('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(killer);
  const stdout = readFileSync(join(scratch, 'stdout'));
  const stderr = readFileSync(join(scratch, 'stderr'));
  rmSync(scratch, { recursive: true, force: true });
  await new Promise((resolve) => process.stdout.write(stdout, resolve));
  await new Promise((resolve) => process.stderr.write(stderr, resolve));
  if (code === 127 && typeof signal === 'string') process.stderr.write(`wine-node: ${signal}\n`);
  process.exitCode = code ?? 128 + 9;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 125;
  });
}
