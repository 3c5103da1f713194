// Single-machine reports shaped like the ones imds-check writes (schemaVersion 1), for the merge tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ReportSpec {
  vmId?: string;
  name?: string;
  location?: string;
  mode?: string;
  osType?: string;
  result?: string;
  startedAt?: string;
  /** [id, status, code] of each check; the result follows them unless given. */
  checks?: [string, string, string][];
}

const HEALTHY: [string, string, string][] = [
  ['environment', 'pass', 'ok'],
  ['reachability', 'pass', 'ok'],
  ['metadata', 'pass', 'ok'],
  ['token', 'pass', 'ok'],
];

export function reportDoc(spec: ReportSpec = {}): Record<string, unknown> {
  const checks = spec.checks ?? HEALTHY;
  const worst = checks.some((c) => c[1] === 'fail')
    ? 'fail'
    : checks.some((c) => c[1] === 'warn')
      ? 'warn'
      : 'pass';
  return {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: '1.0.0' },
    startedAt: spec.startedAt ?? '2026-11-25T10:00:00.000Z',
    durationMs: 120,
    mode: { requested: 'auto', resolved: spec.mode ?? 'vm', signal: 'default-vm' },
    endpoint: '',
    result: spec.result ?? worst,
    reachable: true,
    failOn: 'never',
    checks: checks.map(([id, status, code]) => ({
      id,
      title: id,
      status,
      code,
      message: `${id} says ${code}`,
      remediation: 'FORGED FIX FROM THE FILE',
      durationMs: 1,
      attempts: 1,
      httpStatus: 200,
      outcome: '200',
    })),
    machine: {
      vmId: spec.vmId ?? '',
      name: spec.name ?? '',
      resourceId: spec.vmId
        ? `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${spec.name}`
        : '',
      subscriptionId: '',
      resourceGroup: '',
      location: spec.location ?? '',
      azEnvironment: 'AzurePublicCloud',
      vmSize: '',
      osType: spec.osType ?? 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: '',
      tenantId: '',
      appId: '',
      audience: '',
      expiresOn: '',
      tokenType: '',
    },
  };
}

export const reportText = (spec: ReportSpec = {}): string => JSON.stringify(reportDoc(spec), null, 2);

/** Writes `text` at `dir/relative`, creating folders. */
export function put(dir: string, relative: string, text: string): string {
  const path = join(dir, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export const guid = (n: number): string => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
