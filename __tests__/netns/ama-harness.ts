// Root-only AMA rig: a private network namespace (only lo, 169.254.169.254/32 on it) where the emulator serves
// IMDS on port 80 and the Azure Monitor side on port 443 of loopback addresses, and a private mount namespace per
// door run whose own /etc/hosts maps the real host names to those addresses (and whose resolv.conf points at
// nothing, so an unmapped name fails fast). The machine's own /etc is never touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommands } from '../azure-devops/agent-harness.js';
import { parseOutputFile } from '../github/runner.js';
import { CLI, runDoor, type Door, type DoorRequest, type DoorRun } from './front-doors.js';
import { must, Netns, privateEtc, type Background } from './namespace.js';
import type { TimingLog } from './timings.js';

export const WORKSPACE = '11111111-2222-3333-4444-555555555555';
export const GLOBAL = 'global.handler.control.monitor.azure.com';
export const REGIONAL = 'westeurope.handler.control.monitor.azure.com'; // the emulator's location
export const ODS = `${WORKSPACE}.ods.opinsights.azure.com`;
export const DCE = 'mydce-ab12.westeurope-1.ingest.monitor.azure.com';
export const HOSTS = [GLOBAL, REGIONAL, ODS, DCE];
export const DOORS: Door[] = ['cli', 'action', 'task'];

export interface AmaNamespace {
  ns: Netns;
  dir: string;
  /** A door run whose /etc/hosts maps each host to its address (hosts absent from the map do not resolve). */
  run(door: Door, hosts: Record<string, string>, request: Omit<DoorRequest, 'prefix'>): Promise<AmaRun>;
  start(args: string[]): Promise<Background>;
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
  let files = 0;
  return {
    ns,
    dir,
    start: (args) => ns.start([process.execPath, CLI, 'emulate', ...args], /^ama ready$/m),
    destroy() {
      ns.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
    drop: (address) =>
      must(ns.wrap(['iptables', '-A', 'OUTPUT', '-d', address, '-p', 'tcp', '--dport', '443', '-j', 'DROP'])),
    async run(door, hosts, request) {
      const file = join(dir, `hosts-${(files += 1)}`);
      const lines = [
        '127.0.0.1 localhost',
        '::1 localhost',
        ...Object.entries(hosts).map(([h, a]) => `${a} ${h}`),
      ];
      writeFileSync(file, `${lines.join('\n')}\n`);
      const prefix = ns.wrap(privateEtc({ hosts: file, 'resolv.conf': resolv }));
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
  // The CLI has no outputs: the same values as the check module derives them from the report.
  const ama = run.report.checks.find((c) => c.id === 'ama') as
    { status: string; hosts?: { host: string; status: string }[] } | undefined;
  return {
    'ama-status': !ama || ama.status === 'skip' ? 'skipped' : ama.status,
    'ama-failed-endpoints': (ama?.hosts ?? [])
      .filter((h) => h.status === 'fail')
      .map((h) => h.host)
      .join(','),
  };
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
