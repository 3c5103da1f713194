// Root-only AMA rig: a private network namespace (only lo, 169.254.169.254/32 on it) where the emulator serves
// IMDS on port 80 and the Azure Monitor side on port 443 of loopback addresses, and a private mount namespace per
// door run whose own /etc/hosts maps the real host names to those addresses (and whose resolv.conf points at
// nothing, so an unmapped name fails fast). The same mount namespace plays the machine the rollout checks see:
// its own /etc/os-release (Ubuntu 22.04 unless a run says otherwise) and a tmpfs over /var/opt whose size is the
// free disk (20 GB unless said otherwise); for Arc, the emulator's key files appear in /var/opt/azcmagent/tokens.
// The machine's own /etc and /var/opt are never touched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOutputs, type JsonValue, type Report } from '../../src/core/index.js';
import { parseCommands } from '../azure-devops/agent-harness.js';
import { parseOutputFile } from '../github/runner.js';
import { CLI, runDoor, type Door, type DoorRequest, type DoorRun } from './front-doors.js';
import { must, Netns, type Background } from './namespace.js';
import type { TimingLog } from './timings.js';

export const WORKSPACE = '11111111-2222-3333-4444-555555555555';
export const GLOBAL = 'global.handler.control.monitor.azure.com';
export const REGIONAL = 'westeurope.handler.control.monitor.azure.com'; // the emulator's location
export const ODS = `${WORKSPACE}.ods.opinsights.azure.com`;
export const DCE = 'mydce-ab12.westeurope-1.ingest.monitor.azure.com';
export const HOSTS = [GLOBAL, REGIONAL, ODS, DCE];
export const DOORS: Door[] = ['cli', 'action', 'task'];

/**
 * Runs argv in a private mount namespace: $1 and $2 bound over /etc/hosts and /etc/resolv.conf, $3 over
 * /etc/os-release, a tmpfs of size $4 over /var/opt, and (when $5 is set) that folder over the Arc tokens folder.
 */
const MOUNT_SCRIPT = [
  'mount --bind "$1" /etc/hosts && mount --bind "$2" /etc/resolv.conf || exit 97',
  'mount --bind "$3" /etc/os-release && mount -t tmpfs -o "size=$4,mode=0755" tmpfs /var/opt || exit 97',
  'if [ -n "$5" ]; then mkdir -p /var/opt/azcmagent/tokens && mount --bind "$5" /var/opt/azcmagent/tokens || exit 97; fi',
  'shift 5',
  'exec "$@"',
].join('\n');

/** The Arc emulator's own mount namespace: the shared folder ($1) is its tokens folder at the real path. */
const ARC_EMULATOR_SCRIPT = [
  'mount -t tmpfs -o mode=0755 tmpfs /var/opt && mkdir -p /var/opt/azcmagent/tokens || exit 97',
  'mount --bind "$1" /var/opt/azcmagent/tokens || exit 97',
  'shift',
  'exec "$@"',
].join('\n');

export const ARC_TOKENS_DIR = '/var/opt/azcmagent/tokens';

export const UBUNTU_2204_RELEASE =
  'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\n';

/** The machine a door run plays (see the file's head). */
export interface Machine {
  /** The text of /etc/os-release. */
  osRelease?: string;
  /** tmpfs size over /var/opt (`20g`, `64m`): the free disk the ama-host check measures. */
  varOpt?: string;
  /** Bind the Arc emulator's key files into /var/opt/azcmagent/tokens. */
  arc?: boolean;
}

/** argv that runs `script` with `args` in a new private mount namespace; the command to exec follows. */
const privateMounts = (script: string, args: string[]): string[] => [
  'unshare',
  '-m',
  '--propagation',
  'private',
  'bash',
  '-c',
  script,
  'bash',
  ...args,
];

export interface AmaNamespace {
  ns: Netns;
  dir: string;
  /** A door run whose /etc/hosts maps each host to its address (hosts absent from the map do not resolve). */
  run(
    door: Door,
    hosts: Record<string, string>,
    request: Omit<DoorRequest, 'prefix'>,
    machine?: Machine,
  ): Promise<AmaRun>;
  start(args: string[]): Promise<Background>;
  /** An IMDS-only emulator in the namespace (e.g. another scenario on a loopback port). */
  startImds(args: string[]): Promise<Background>;
  /** The Hybrid IMDS emulator on 127.0.0.1:40342, its key files shared with runs given `arc: true`. */
  startArc(scenario: string): Promise<Background>;
  /** Packets to address:443 vanish (a dropped host). */
  drop(address: string): void;
  /** Stops everything started in the namespace, deletes it and the files of the runs. */
  destroy(): void;
}

export interface AmaRun extends DoorRun {
  outputs: Record<string, string>;
  /** The step summary (Action) or summary file (task); the CLI's report rendered as text otherwise. */
  summary: string;
}

export function amaNamespace(addresses: string[] = []): AmaNamespace {
  const ns = new Netns();
  const dir = mkdtempSync(join(tmpdir(), 'imdsck-ama-ns-'));
  // Extra addresses on lo (e.g. a private 10.x one): they exist only inside this namespace.
  for (const address of addresses) must(['ip', '-n', ns.name, 'addr', 'add', `${address}/32`, 'dev', 'lo']);
  const resolv = join(dir, 'resolv.conf');
  writeFileSync(resolv, 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  const arcTokens = join(dir, 'arc-tokens');
  mkdirSync(arcTokens, { mode: 0o750 });
  let files = 0;
  return {
    ns,
    dir,
    start: (args) => ns.start([process.execPath, CLI, 'emulate', ...args], /^ama ready$/m),
    startImds: (args) => ns.start([process.execPath, CLI, 'emulate', ...args], /listening on http/),
    startArc: (scenario) =>
      ns.start(
        [
          ...privateMounts(ARC_EMULATOR_SCRIPT, [arcTokens]),
          process.execPath,
          CLI,
          'emulate',
          '--mode',
          'arc',
          '--scenario',
          scenario,
          '--host',
          '127.0.0.1',
          '--port',
          '40342',
          '--tokens-dir',
          ARC_TOKENS_DIR,
        ],
        /listening on http/,
      ),
    destroy() {
      ns.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
    drop: (address) =>
      must(ns.wrap(['iptables', '-A', 'OUTPUT', '-d', address, '-p', 'tcp', '--dport', '443', '-j', 'DROP'])),
    async run(door, hosts, request, machine = {}) {
      const n = (files += 1);
      const file = join(dir, `hosts-${n}`);
      const osRelease = join(dir, `os-release-${n}`);
      writeFileSync(osRelease, machine.osRelease ?? UBUNTU_2204_RELEASE);
      const lines = [
        '127.0.0.1 localhost',
        '::1 localhost',
        ...Object.entries(hosts).map(([h, a]) => `${a} ${h}`),
      ];
      writeFileSync(file, `${lines.join('\n')}\n`);
      const prefix = ns.wrap(
        privateMounts(MOUNT_SCRIPT, [
          file,
          resolv,
          osRelease,
          machine.varOpt ?? '20g',
          machine.arc ? arcTokens : '',
        ]),
      );
      const run = await runDoor(door, { ...request, prefix });
      return { ...run, outputs: outputsOf(run), summary: summaryOf(run) };
    },
  };
}

function outputsOf(run: DoorRun): Record<string, string> {
  if (run.door === 'action') return parseOutputFile(run.channels['github_output'] ?? '');
  if (run.door === 'task') {
    const out: Record<string, string> = {};
    for (const c of parseCommands(run.channels['stdout']!.split(/\r?\n/)))
      if (c.name === 'task.setvariable')
        out[(c.properties['variable'] ?? '').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)] = c.message;
    return out;
  }
  // The CLI has no outputs: the same values, as the engine derives them from the report. The printed report
  // carries a check's data beside its fields (as `hosts` of ama): put it back where the engine keeps it.
  const report = run.report as unknown as Report;
  const entries = report.checks as unknown as ({ [key: string]: JsonValue } & Report['checks'][number])[];
  const checks = entries.map((entry) => {
    const {
      id,
      title,
      status,
      code,
      message,
      remediation,
      durationMs,
      attempts,
      httpStatus,
      outcome,
      ...data
    } = entry;
    return { id, title, status, code, message, remediation, durationMs, attempts, httpStatus, outcome, data };
  });
  return buildOutputs({ ...report, checks }, null, false, '') as Record<string, string>;
}

function summaryOf(run: DoorRun): string {
  if (run.door === 'action') return run.channels['step_summary'] ?? '';
  if (run.door === 'task')
    return Object.entries(run.channels).find(([name]) => name.endsWith('.md'))?.[1] ?? '';
  return run.channels['junit.xml'] ?? '';
}

/** The AMA check of a run's report, with its host entries. */
export interface AmaHostEntry {
  host: string;
  purpose: string;
  required: boolean;
  addresses: string[];
  private: boolean | null;
  connectMs: number | null;
  via: string;
  tls: {
    version: string | null;
    verified: boolean;
    issuer: string | null;
    root: string | null;
    intercepted: boolean;
  };
  http: { status: number | null; body: string | null };
  status: string;
  code: string;
}
export function amaOf(run: DoorRun): {
  status: string;
  code: string;
  message: string;
  remediation: string;
  hosts: AmaHostEntry[];
} {
  return run.report.checks.find((c) => c.id === 'ama') as never;
}

/** The inputs of an AMA run: all four hosts, the emulator's test root (written into `roots`) trusted. */
export function amaInputs(roots: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    ama: 'true',
    'workspace-ids': WORKSPACE,
    'dce-endpoints': DCE,
    'ama-trusted-roots': join(roots, 'ama-test-azure-root.pem'),
    ...over,
  };
}

/** One timing row per door run (build/, for the bench; nothing is asserted on it). */
export function recordTiming(times: TimingLog, name: string, run: AmaRun): void {
  times.add({
    case: `ama ${name}`,
    door: run.door,
    node: process.version,
    code: amaOf(run)?.code ?? '-',
    ms: run.ms,
  });
}

/** Lines the emulator printed since `mark` (its --log output), after a moment for the last ones to arrive. */
export async function logSince(emulator: Background, mark: number): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 300));
  return emulator
    .output()
    .slice(mark)
    .split('\n')
    .filter((l) => l !== '');
}
