// Single-machine reports as imds-check writes them (schemaVersion 1), for the merge tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Code } from '../../src/core/codes.js';
import { renderJson } from '../../src/core/render/json.js';
import type { CheckId, CheckStatus, Mode, Report, RunResult } from '../../src/core/types.js';
import { check, passingReport } from './report-factory.js';

export interface ReportSpec {
  vmId?: string;
  name?: string;
  location?: string;
  mode?: string;
  osType?: string;
  result?: string;
  startedAt?: string;
  /**
   * [id, status, code] of each check; the result follows them unless given. A passing `reachability` check
   * comes first unless the list has one, as in every report the engine writes (see `noReachability`).
   */
  checks?: [string, string, string][];
  /** Leave the reachability check out (a report the merge must not count). */
  noReachability?: boolean;
}

/** The merge time of the engine tests: two hours after the reports' default startedAt. */
export const MERGE_TIME = Date.parse('2026-11-25T12:00:00.000Z');

const HEALTHY: [string, string, string][] = [
  ['environment', 'pass', 'ok'],
  ['reachability', 'pass', 'ok'],
  ['metadata', 'pass', 'ok'],
  ['token', 'pass', 'ok'],
];

/**
 * A report as the engine writes it (renderJson over the renderer tests' passing report), with the machine
 * facts, mode, start time and checks of `spec`; every check's remediation is a forged text the merge must
 * never show.
 */
export function reportDoc(spec: ReportSpec = {}): Record<string, unknown> {
  const given = spec.checks ?? HEALTHY;
  const reachable = given.some((c) => c[0] === 'reachability');
  const checks: [string, string, string][] = spec.noReachability
    ? given.filter((c) => c[0] !== 'reachability')
    : reachable
      ? given
      : [['reachability', 'pass', 'ok'], ...given];
  const worst = checks.some((c) => c[1] === 'fail')
    ? 'fail'
    : checks.some((c) => c[1] === 'warn')
      ? 'warn'
      : 'pass';
  const report: Report = passingReport();
  report.startedAt = spec.startedAt ?? '2026-11-25T10:00:00.000Z';
  report.mode = { ...report.mode, resolved: (spec.mode ?? 'vm') as Mode };
  report.result = (spec.result ?? worst) as RunResult;
  report.failOn = 'never';
  report.checks = checks.map(([id, status, code]) =>
    check(id as CheckId, {
      title: id,
      status: status as CheckStatus,
      code: code as Code,
      message: `${id} says ${code}`,
      remediation: 'FORGED FIX FROM THE FILE',
    }),
  );
  report.machine = {
    ...report.machine,
    vmId: spec.vmId ?? '',
    name: spec.name ?? '',
    resourceId: spec.vmId
      ? `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${spec.name}`
      : '',
    location: spec.location ?? '',
    osType: spec.osType ?? 'Linux',
  };
  return JSON.parse(renderJson(report)) as Record<string, unknown>;
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
