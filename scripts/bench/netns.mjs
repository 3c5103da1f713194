// The start-up runs at the real default address: a private network namespace that this bench creates and
// removes, holding only `lo` with 169.254.169.254/32 on it and the emulator listening on 169.254.169.254:80.
// Nothing here ever runs in the machine's own namespace: every command goes through `wrap`, and the namespace
// is checked (another inode than ours, only loopback addresses) before any command may use it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readlinkSync } from 'node:fs';

export const IMDS_ADDRESS = '169.254.169.254';
const SBIN = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const which = (name) => SBIN.map((dir) => `${dir}/${name}`).find((path) => existsSync(path));

function sh(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function must(argv) {
  const r = sh(argv);
  if (!r.ok) throw new Error(`${argv.join(' ')}: ${r.out}`);
  return r.out;
}

/** null when the namespace rows can run here, otherwise why not. */
export function netnsUnavailable() {
  if (process.platform !== 'linux') return `needs Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'needs root (ip netns add)';
  const missing = ['ip', 'nsenter'].filter((name) => !which(name));
  return missing.length ? `missing ${missing.join(', ')} (iproute2, util-linux)` : null;
}

/**
 * Why a namespace must not be used, or null. Pure, so __tests__/bench can check it: `inside` and `outside` are
 * the net namespace links (`net:[inode]`), `addresses` the `ip -o addr` lines inside.
 */
export function namespaceProblem(inside, outside, addresses) {
  if (!/^net:\[\d+\]$/.test(inside) || !/^net:\[\d+\]$/.test(outside))
    return `cannot tell the namespaces apart ('${inside}', '${outside}')`;
  if (inside === outside) return 'the command would run in this machine’s own network namespace';
  const devices = new Set(addresses.map((line) => line.trim().split(/\s+/)[1]).filter(Boolean));
  const others = [...devices].filter((dev) => dev !== 'lo');
  if (others.length) return `the namespace has interfaces other than lo: ${others.join(', ')}`;
  const v4 = addresses.map((line) => /\binet (\S+)/.exec(line)?.[1]).filter(Boolean);
  const unexpected = v4.filter((a) => a !== '127.0.0.1/8' && a !== `${IMDS_ADDRESS}/32`);
  if (unexpected.length) return `unexpected addresses in the namespace: ${unexpected.join(', ')}`;
  if (!v4.includes(`${IMDS_ADDRESS}/32`)) return `${IMDS_ADDRESS}/32 is not on lo`;
  return null;
}

/**
 * Creates the namespace, checks it and starts the emulator inside. Resolves with { name, wrap, close }:
 * `wrap(argv)` prefixes argv with nsenter into the namespace (nsenter execs, so the timed process is node).
 */
export async function openBenchNetns(cliBundle, nodePath = process.execPath) {
  const name = `imds-bench-${randomBytes(4).toString('hex')}`;
  const wrap = (argv) => [which('nsenter'), `--net=/run/netns/${name}`, '--', ...argv];
  must(['ip', 'netns', 'add', name]);
  let emulator;
  const close = async () => {
    if (emulator && emulator.exitCode === null && emulator.signalCode === null) {
      const exited = new Promise((resolve) => emulator.once('exit', resolve));
      emulator.kill('SIGTERM');
      await exited;
    }
    sh(['ip', 'netns', 'del', name]);
  };
  try {
    must(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
    must(['ip', '-n', name, 'addr', 'add', `${IMDS_ADDRESS}/32`, 'dev', 'lo']);
    const inside = must(wrap(['readlink', '/proc/self/ns/net']));
    const addresses = must(['ip', '-n', name, '-o', 'addr', 'show']).split('\n');
    const problem = namespaceProblem(inside, readlinkSync('/proc/self/ns/net'), addresses);
    if (problem) throw new Error(problem);
    const argv = wrap([nodePath, cliBundle, 'emulate', '--host', IMDS_ADDRESS, '--port', '80']);
    emulator = spawn(argv[0], [...argv.slice(1), '--scenario', 'healthy'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`emulator not ready in 10 s: ${seen.trim()}`)), 10_000);
      emulator.stdout.setEncoding('utf8').on('data', (chunk) => {
        seen += chunk;
        if (seen.includes(`listening on http://${IMDS_ADDRESS}:80`)) {
          clearTimeout(timer);
          emulator.stdout.resume();
          resolve();
        }
      });
      emulator.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`emulator exited (${code}) before listening: ${seen.trim()}`));
      });
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { name, wrap, close };
}
