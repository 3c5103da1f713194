// Private network namespaces for the end-to-end suite: only `lo` exists inside, so the real IMDS addresses of
// this machine are never reachable. Every namespace and every process started in it is tracked and removed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

const IMDS_ADDRESS = '169.254.169.254';

function commandExists(name: string): boolean {
  return ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((dir) => existsSync(`${dir}/${name}`));
}

function sh(argv: string[]): { ok: boolean; output: string } {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export function must(argv: string[]): void {
  const r = sh(argv);
  if (!r.ok) throw new Error(`${argv.join(' ')} failed: ${r.output}`);
}

let support: string | null | undefined;

/** null when the suite can run here; otherwise why not (not root, a tool missing, namespaces not permitted). */
export function netnsUnavailableReason(needs: string[] = ['ip', 'iptables', 'unshare']): string | null {
  if (support !== undefined) return support;
  if (process.platform !== 'linux') return (support = `needs Linux, this is ${process.platform}`);
  if (process.getuid?.() !== 0) return (support = 'needs root (run: sudo npm test -- __tests__/netns)');
  const missing = needs.filter((n) => !commandExists(n));
  if (missing.length > 0)
    return (support = `missing ${missing.join(', ')} (apt-get install iproute2 iptables)`);
  // Root in a container may still lack CAP_SYS_ADMIN / CAP_NET_ADMIN: try once.
  const probe = `imdsck-probe-${randomBytes(3).toString('hex')}`;
  const added = sh(['ip', 'netns', 'add', probe]);
  if (!added.ok) return (support = `ip netns add is not permitted here: ${added.output}`);
  const ipt = sh([
    'ip',
    'netns',
    'exec',
    probe,
    'iptables',
    '-A',
    'OUTPUT',
    '-p',
    'tcp',
    '--dport',
    '9',
    '-j',
    'DROP',
  ]);
  sh(['ip', 'netns', 'del', probe]);
  if (!ipt.ok) return (support = `iptables does not work in a namespace here: ${ipt.output}`);
  return (support = null);
}

export interface NetnsOptions {
  /** Put 169.254.169.254/32 on lo (default true). Without it the address has no route: ENETUNREACH. */
  imdsAddress?: boolean;
  /** iptables rule arguments appended to OUTPUT, e.g. ['-j', 'DROP'] for IMDS port 80 traffic. */
  imdsRule?: string[];
}

export interface Background {
  child: ChildProcess;
  output(): string;
}

export class Netns {
  readonly name = `imdsck-${randomBytes(4).toString('hex')}`;
  private readonly children: ChildProcess[] = [];

  constructor(options: NetnsOptions = {}) {
    must(['ip', 'netns', 'add', this.name]);
    try {
      must(['ip', '-n', this.name, 'link', 'set', 'lo', 'up']);
      if (options.imdsAddress !== false)
        must(['ip', '-n', this.name, 'addr', 'add', `${IMDS_ADDRESS}/32`, 'dev', 'lo']);
      if (options.imdsRule) {
        must([
          'ip',
          'netns',
          'exec',
          this.name,
          'iptables',
          '-A',
          'OUTPUT',
          '-d',
          IMDS_ADDRESS,
          '-p',
          'tcp',
          '--dport',
          '80',
          ...options.imdsRule,
        ]);
      }
    } catch (err) {
      sh(['ip', 'netns', 'del', this.name]);
      throw err;
    }
  }

  /** argv prefixed so that it runs inside this namespace. */
  wrap(argv: string[]): string[] {
    return ['ip', 'netns', 'exec', this.name, ...argv];
  }

  /** Starts a long-running process in the namespace and waits until its output matches `ready`. */
  async start(
    argv: string[],
    ready: RegExp,
    env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] },
  ): Promise<Background> {
    const [cmd, ...args] = this.wrap(argv);
    const child = spawn(cmd!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not ready after 10 s: ${argv.join(' ')}\n${output}`)),
        10_000,
      );
      const onData = (d: Buffer): void => {
        output += d.toString('utf8');
        if (ready.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited (${String(code)}) before ready: ${argv.join(' ')}\n${output}`));
      });
    });
    return { child, output: () => output };
  }

  /** Kills what we started (by pid), then anything still inside the namespace (only ours can be), then deletes it. */
  destroy(): void {
    for (const child of this.children) if (child.exitCode === null && child.pid) child.kill('SIGKILL');
    const pids = sh(['ip', 'netns', 'pids', this.name])
      .output.split(/\s+/)
      .filter((p) => /^\d+$/.test(p));
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    sh(['ip', 'netns', 'del', this.name]);
  }
}

/**
 * argv that runs a command in a private mount namespace where each given file is bound over /etc/<name>
 * (`hosts`, `resolv.conf`, `nsswitch.conf`): the machine's own /etc is never touched. Append the command.
 */
export function privateEtc(
  files: Partial<Record<'hosts' | 'resolv.conf' | 'nsswitch.conf', string>>,
): string[] {
  const names = Object.keys(files);
  const binds = names.map((name, i) => `mount --bind "$${i + 1}" /etc/${name}`).join(' && ');
  const script = `${binds} || exit 97\nshift ${names.length}\nexec "$@"`;
  return ['unshare', '-m', '--propagation', 'private', 'bash', '-c', script, 'bash', ...Object.values(files)];
}

/** Runs one command to completion, measuring the wall time from spawn to exit. */
export function runTimed(
  argv: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number },
): Promise<{ exitCode: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}
