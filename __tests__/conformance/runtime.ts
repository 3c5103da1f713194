// Which interpreter runs each SDK client, or why that client is skipped. A client whose `engines` the current
// Node does not meet (@azure/identity 4.13.2+ declares node >=22; package.json pins 4.13.1 for Node 20) runs on
// the Node 24 binary `npm test` provides (IMDS_CHECK_NODE24, or where it caches it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { node24Path } from '../helpers/node-binaries.js';

export const ROOT = resolve('.');
export const CLIENTS_DIR = join(ROOT, '__tests__/conformance/clients');

export type ClientName = 'identity' | 'msal' | 'python';

export interface Runtime {
  client: ClientName;
  /** Column title: package and version. */
  label: string;
  /** argv prefix (interpreter and script); null when skipped. */
  command: string[] | null;
  skipReason: string | null;
}

function packageJson(name: string): { version: string; engines?: { node?: string } } {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
    engines?: { node?: string };
  };
}

const major = (version: string): number => Number(/(\d+)/.exec(version)?.[1] ?? 0);

/** The major a `>=N` engines range asks for (the only form these packages use); 0 when none. */
function requiredMajor(range: string | undefined): number {
  return range ? major(/>=\s*v?(\d+)/.exec(range)?.[1] ?? '0') : 0;
}

function nodeMajor(binary: string): number {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? major(r.stdout.trim()) : 0;
}

/** A node binary for `required`: this one, or the Node 24 that `npm test` obtained (helpers/node-binaries). */
function nodeFor(required: number): { binary: string } | { reason: string } {
  if (major(process.versions.node) >= required) return { binary: process.execPath };
  const candidates = [node24Path()];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate) && nodeMajor(candidate) >= required) return { binary: candidate };
  }
  return {
    reason: `needs Node >= ${required}, this is ${process.version}; no Node 24 (\`npm test\` obtains one and sets IMDS_CHECK_NODE24)`,
  };
}

function nodeClient(client: 'identity' | 'msal', pkg: string, script: string): Runtime {
  const meta = packageJson(pkg);
  const label = `${pkg} ${meta.version}`;
  const node = nodeFor(requiredMajor(meta.engines?.node));
  if ('reason' in node) return { client, label, command: null, skipReason: node.reason };
  return { client, label, command: [node.binary, join(CLIENTS_DIR, script)], skipReason: null };
}

function pythonClient(): Runtime {
  const python = process.env['IMDS_CHECK_PYTHON'] ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import azure.identity, sys; print(azure.identity.__version__)'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.status !== 0) {
    return {
      client: 'python',
      label: 'azure-identity (Python)',
      command: null,
      skipReason: `\`${python} -c "import azure.identity"\` failed (set IMDS_CHECK_PYTHON to a Python that has it)`,
    };
  }
  return {
    client: 'python',
    label: `azure-identity ${probe.stdout.trim()} (Python)`,
    command: [python, join(CLIENTS_DIR, 'azure_identity_token.py')],
    skipReason: null,
  };
}

let cached: Runtime[] | undefined;

/** Every client, decided once per test file. */
export function runtimes(): Runtime[] {
  cached ??= [
    nodeClient('identity', '@azure/identity', 'identity.mjs'),
    nodeClient('msal', '@azure/msal-node', 'msal.mjs'),
    pythonClient(),
  ];
  return cached;
}

/** One line per skipped client, printed once by each suite that uses them. */
export function skipNotice(suite: string): string | null {
  const skipped = runtimes().filter((r) => r.skipReason !== null);
  if (skipped.length === 0) return null;
  return skipped.map((r) => `${suite}: ${r.label} cases skipped: ${r.skipReason ?? ''}`).join('\n');
}
