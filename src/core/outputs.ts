// How a report becomes the contract's outputs. Every value fed by the network must fit the documented shape
// of its field (shapes.ts); one that does not is the empty string (its check already warned). Checks that own
// outputs (registry) add theirs.
import { OUTPUT_NAMES, type OutputName, type Outputs } from './contract.js';
import { CHECKS } from './pipeline/registry.js';
import {
  isGuid,
  isHostList,
  isIsoUtc,
  isJwt,
  isKnownCloud,
  isLocation,
  isMachineName,
  isResourceGroup,
  isResourceId,
  isWholeNumber,
  type Shape,
} from './shapes.js';
import { isSocketWord } from './socket-words.js';
import type { Report } from './types.js';

export const OUTPUT_SHAPES: Readonly<Partial<Record<OutputName, Shape>>> = {
  'vm-id': isGuid,
  'vm-name': isMachineName,
  'resource-id': isResourceId,
  'subscription-id': isGuid,
  'resource-group': isResourceGroup,
  location: isLocation,
  'az-environment': isKnownCloud,
  'principal-id': isGuid,
  'tenant-id': isGuid,
  'app-id': isGuid,
  'token-expires-on': isIsoUtc,
  'samples-total': isWholeNumber,
  'samples-ok': isWholeNumber,
  'latency-p50-ms': isWholeNumber,
  'latency-p95-ms': isWholeNumber,
  'latency-max-ms': isWholeNumber,
  'ama-failed-endpoints': isHostList,
  'access-token': isJwt,
};

/** The status output for a check: its outcome, or the socket word of reachability when nothing answered. */
function statusOutput(report: Report, id: 'metadata' | 'token'): string {
  const check = report.checks.find((c) => c.id === id);
  const reach = report.checks.find((c) => c.id === 'reachability');
  if (!check) return '';
  // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
  const requested = id === 'metadata' || report.identity.kind !== 'none';
  if (check.outcome === 'skipped' && requested && reach && !report.reachable && isSocketWord(reach.outcome)) {
    return reach.outcome;
  }
  return check.outcome;
}

/**
 * Every contract output, values as strings ('' when unknown or not of its field's shape). `access-token` is
 * present only when exposed; the engine registered it as a secret the moment it arrived.
 */
export function buildOutputs(
  report: Report,
  accessToken: string | null,
  exposeToken: boolean,
  reportPath: string,
): Outputs {
  const m = report.machine;
  const id = report.identity;
  const outputs: Outputs = {
    result: report.result,
    reachable: String(report.reachable),
    mode: report.mode.resolved,
    'metadata-status': statusOutput(report, 'metadata'),
    'token-status': statusOutput(report, 'token'),
    'vm-id': m.vmId,
    'vm-name': m.name,
    'resource-id': m.resourceId,
    'subscription-id': m.subscriptionId,
    'resource-group': m.resourceGroup,
    location: m.location,
    'az-environment': m.azEnvironment,
    'principal-id': id.principalId,
    'tenant-id': id.tenantId,
    'app-id': id.appId,
    'token-expires-on': id.expiresOn,
    // Present only when requested; `skipped` says it was not.
    'ama-status': report.checks.find((c) => (c.id as string) === 'ama')?.status ?? 'skipped',
    'report-path': reportPath,
  };
  for (const check of CHECKS) Object.assign(outputs, check.outputs?.(report));
  if (exposeToken) outputs['access-token'] = accessToken ?? '';
  const shaped: Outputs = {};
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name];
    if (value === undefined) continue;
    const fits = OUTPUT_SHAPES[name];
    shaped[name] = value === '' || !fits || fits(value) ? value : '';
  }
  return shaped;
}
