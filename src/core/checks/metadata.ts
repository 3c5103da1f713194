// The metadata check: GET /metadata/instance, with one api-version fallback, retries for 410/429/5xx,
// shape validation, and the machine facts the report and outputs carry.
import type { Code } from '../codes.js';
import { ARC_METADATA_API_VERSION, METADATA_PATH, VM_METADATA_API_VERSION } from '../endpoints.js';
import type { HttpAnswer, HttpResult } from '../http.js';
import { finishCheck, sendGet, type ProbeRun } from '../probe-context.js';
import { recognise, type Recognition } from '../recognise.js';
import { withRetry } from '../retry.js';
import { describeFailure, failureCode, failureOutcome } from '../transport.js';
import type { CheckResult, MachineFacts } from '../types.js';
import { errorText, isVersionError, offeredVersions, text } from './answers.js';

export const EMPTY_MACHINE: MachineFacts = {
  vmId: '',
  name: '',
  resourceId: '',
  subscriptionId: '',
  resourceGroup: '',
  location: '',
  azEnvironment: '',
  vmSize: '',
  osType: '',
};

export interface MetadataFinding {
  check: CheckResult;
  /** null when no HTTP answer came back at all. */
  recognition: Recognition | null;
  machine: MachineFacts;
}

function compute(json: Record<string, unknown>): Record<string, unknown> | null {
  const c = json['compute'];
  return c !== null && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : null;
}

function hasMetadataShape(json: Record<string, unknown>): boolean {
  const c = compute(json);
  return c !== null && (text(c['vmId']) !== '' || text(c['resourceId']) !== '');
}

function machineFacts(json: Record<string, unknown>): MachineFacts {
  const c = compute(json) ?? {};
  return {
    vmId: text(c['vmId']),
    name: text(c['name']),
    resourceId: text(c['resourceId']),
    subscriptionId: text(c['subscriptionId']),
    resourceGroup: text(c['resourceGroupName']),
    location: text(c['location']),
    azEnvironment: text(c['azEnvironment']),
    vmSize: text(c['vmSize']),
    osType: text(c['osType']),
  };
}

function statusCode(answer: HttpAnswer): Code {
  const s = answer.status;
  if (s === 400 && /metadata header/i.test(answer.body)) return 'metadata_header_rejected';
  if (s === 400 || s === 404)
    return isVersionError(answer)
      ? 'metadata_api_version'
      : s === 404
        ? 'metadata_not_found'
        : 'metadata_unexpected_status';
  if (s === 403) return 'metadata_forbidden';
  if (s === 405) return 'metadata_method_not_allowed';
  if (s === 410) return 'metadata_gone';
  if (s === 429) return 'metadata_throttled';
  if (s >= 500) return 'metadata_server_error';
  return 'metadata_unexpected_status';
}

export async function metadataCheck(run: ProbeRun): Promise<MetadataFinding> {
  const startedAt = run.ctx.clock.now();
  const deps = { clock: run.ctx.clock, random: run.ctx.random, budget: run.budget };
  let version = run.mode === 'arc' ? ARC_METADATA_API_VERSION : VM_METADATA_API_VERSION;
  const get = (v: string) =>
    withRetry('metadata', () => sendGet(run, `${METADATA_PATH}?api-version=${v}`), deps);
  let { result, attempts } = await get(version);
  let fellBackFrom = '';
  if (result.kind === 'answer' && isVersionError(result)) {
    const offered = offeredVersions(result);
    if (offered[0] && offered[0] !== version) {
      fellBackFrom = version;
      version = offered[0];
      const second = await get(version);
      result = second.result;
      attempts += second.attempts;
    }
  }
  return judge(run, startedAt, result, attempts, version, fellBackFrom);
}

function judge(
  run: ProbeRun,
  startedAt: number,
  result: HttpResult,
  attempts: number,
  version: string,
  fellBackFrom: string,
): MetadataFinding {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (result.kind === 'failure') {
    const check = finishCheck(run, 'metadata', startedAt, {
      status: 'fail',
      code: failureCode(result),
      message: `GET ${METADATA_PATH} failed${tries}: ${describeFailure(result)}.`,
      attempts,
      httpStatus: result.status,
      outcome: failureOutcome(result),
    });
    return { check, recognition: null, machine: EMPTY_MACHINE };
  }
  const recognition = recognise(result, hasMetadataShape);
  const base = { attempts, httpStatus: result.status, outcome: String(result.status) };
  const fallback = fellBackFrom
    ? ` (api-version ${fellBackFrom} was refused; used ${version} from the versions offered)`
    : '';
  if (!recognition.imds) {
    // A 200 that is neither HTML nor a proxy page is a broken instance document: say which way it is broken.
    const brokenDocument = result.status === 200 && recognition.code === 'not_imds_answer';
    const check = finishCheck(run, 'metadata', startedAt, {
      status: 'fail',
      code: !brokenDocument
        ? recognition.code
        : recognition.json === null
          ? 'metadata_bad_json'
          : 'metadata_bad_shape',
      message: `GET ${METADATA_PATH}: ${recognition.what}${tries}, not the IMDS instance document.`,
      ...base,
    });
    return { check, recognition, machine: EMPTY_MACHINE };
  }
  if (result.status !== 200) {
    const code = statusCode(result);
    const check = finishCheck(run, 'metadata', startedAt, {
      status: 'fail',
      code,
      message: `GET ${METADATA_PATH}?api-version=${version} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}${fallback}.`,
      ...base,
    });
    return { check, recognition, machine: EMPTY_MACHINE };
  }
  if (recognition.json === null || !hasMetadataShape(recognition.json)) {
    const check = finishCheck(run, 'metadata', startedAt, {
      status: 'fail',
      code: recognition.json === null ? 'metadata_bad_json' : 'metadata_bad_shape',
      message: `GET ${METADATA_PATH} answered 200${tries} but the body is ${recognition.json === null ? 'not valid JSON' : 'not an instance document (no compute.vmId)'}.`,
      ...base,
    });
    return { check, recognition, machine: EMPTY_MACHINE };
  }
  const machine = machineFacts(recognition.json);
  const where = [
    machine.name && `${machine.name}`,
    machine.location && `in ${machine.location}`,
    machine.azEnvironment && `(${machine.azEnvironment})`,
  ]
    .filter((s) => s)
    .join(' ');
  const serverNote =
    recognition.serverHeader || run.mode === 'arc'
      ? ''
      : ' Note: the answer had no `Server: IMDS/...` header.';
  const check = finishCheck(run, 'metadata', startedAt, {
    status: 'pass',
    code: 'ok',
    message: `Instance metadata read${tries} with api-version ${version}${fallback}: ${where || 'document valid'}.${serverNote}`,
    ...base,
  });
  return { check, recognition, machine };
}
