// In-process AMA rig: the IMDS emulator on loopback, the Azure Monitor side (one listener per scenario), an
// optional CONNECT proxy stub, and an injected resolver that maps the real host names to those listeners.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseOptions,
  runProbe,
  type ProbeOutcome,
  type RuntimeContext,
} from '../../../../src/core/index.js';
import { startEmulator, type Emulator } from '../../../../src/emulator/index.js';
import {
  createAmaPki,
  startAmaProxy,
  startAmaServers,
  type AmaPki,
  type AmaProxy,
  type AmaServers,
} from '../../../../src/emulator/ama/index.js';
import { CLI_SPELLING } from '../../../../src/host/spelling.js';
import { engineContext } from '../../../helpers/engine-context.js';

export const REGION = 'westeurope'; // the emulator's VM metadata location
export const GLOBAL = 'global.handler.control.monitor.azure.com';
export const REGIONAL = `${REGION}.handler.control.monitor.azure.com`;
export const WORKSPACE = '11111111-2222-3333-4444-555555555555';
export const ODS = `${WORKSPACE}.ods.opinsights.azure.com`;
export const DCE = 'mydce-ab12.westeurope-1.ingest.monitor.azure.com';
export const ALL_HOSTS = [GLOBAL, REGIONAL, ODS, DCE];

export interface Rig {
  emulator: Emulator;
  pki: AmaPki;
  servers: AmaServers;
  proxy: AmaProxy | null;
  dir: string;
  rootsFile: string;
  inspectionFile: string;
  /** The loopback port of the listener that plays `host`'s scenario. */
  portOf(host: string): number;
  close(): Promise<void>;
}

export interface RigOptions {
  /** scenario per host; hosts not named use `fallback`. */
  scenarios?: Record<string, string>;
  fallback?: string;
  proxyCredentials?: { username: string; password: string };
  withProxy?: boolean;
  /** Metadata compute fields to replace (e.g. location, azEnvironment). */
  compute?: Record<string, string>;
  /** The IMDS emulator's scenario and mode (default healthy, vm). */
  emulator?: { scenario?: string; mode?: 'vm' | 'arc' };
  /** Every listener's Date header runs this many seconds off (negative: the machine looks ahead). */
  dateOffsetSeconds?: number;
}

let pki: AmaPki | null = null;
/** One PKI per test file: minting is cheap, but there is no reason to repeat it. */
export const sharedPki = (): AmaPki => (pki ??= createAmaPki());

export async function startRig(o: RigOptions = {}): Promise<Rig> {
  const names = [...new Set([o.fallback ?? 'healthy', ...Object.values(o.scenarios ?? {})])];
  const emulator = await startEmulator({
    scenario: o.emulator?.scenario ?? 'healthy',
    mode: o.emulator?.mode ?? 'vm',
    ...(o.compute ? { overrides: { compute: o.compute } } : {}),
  });
  const servers = await startAmaServers(
    names.map((scenario) => ({ scenario, dateOffsetSeconds: o.dateOffsetSeconds ?? 0 })),
    sharedPki(),
  );
  const portOf = (host: string): number => {
    const scenario = o.scenarios?.[host] ?? o.fallback ?? 'healthy';
    return servers.listeners.find((l) => l.scenario === scenario)!.port;
  };
  const proxy =
    o.withProxy || o.proxyCredentials
      ? await startAmaProxy({
          credentials: o.proxyCredentials,
          upstream: (host) => ({ host: '127.0.0.1', port: portOf(host) }),
        })
      : null;
  const dir = mkdtempSync(join(tmpdir(), 'imdsck-ama-'));
  const rootsFile = join(dir, 'azure-root.pem');
  const inspectionFile = join(dir, 'inspection-root.pem');
  writeFileSync(rootsFile, sharedPki().azureRootPem);
  writeFileSync(inspectionFile, sharedPki().inspectionRootPem);
  return {
    emulator,
    pki: sharedPki(),
    servers,
    proxy,
    dir,
    rootsFile,
    inspectionFile,
    portOf,
    async close() {
      await Promise.all([emulator.close(), servers.close(), proxy?.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolver for the rig: every name maps to 127.0.0.1 unless `addresses` says otherwise; `missing` fail. */
export function rigNetwork(
  rig: Rig,
  addresses: Record<string, string[]> = {},
  missing: string[] = [],
): NonNullable<RuntimeContext['amaNetwork']> & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    async resolve(host) {
      lookups.push(host);
      if (missing.includes(host)) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return addresses[host] ?? ['127.0.0.1'];
    },
    port: (host) => rig.portOf(host),
  };
}

export interface AmaRun {
  outcome: ProbeOutcome;
  progress: string[];
  secrets: string[];
}

export async function runAma(
  rig: Rig,
  inputs: Record<string, string>,
  network: RuntimeContext['amaNetwork'],
  env: Record<string, string> = {},
): Promise<AmaRun> {
  const parsed = parseOptions(
    {
      endpoint: rig.emulator.url,
      mode: rig.emulator.mode,
      ama: 'true',
      'ama-trusted-roots': rig.rootsFile,
      'ama-proxy': 'none',
      ...inputs,
    },
    CLI_SPELLING,
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const progress: string[] = [];
  const { ctx, secrets } = engineContext({
    env,
    progress: (e) => progress.push(e.text),
    amaNetwork: network,
    // Arc: the emulator's own tokens folder, as the engine's contract allows for a loopback endpoint in tests.
    ...(rig.emulator.tokensDir ? { arcTokensDir: rig.emulator.tokensDir } : {}),
  });
  // As a door does: what parsing found (the proxy password) is masked before the run.
  secrets.push(...parsed.secrets);
  const outcome = await runProbe(parsed.options, ctx);
  return { outcome, progress, secrets };
}
