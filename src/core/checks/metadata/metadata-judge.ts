// Judging an instance-metadata answer, without sockets: which code, which message, which machine facts, and
// which values may become outputs (each must fit the shape Azure gives that field).
import { errorText, isVersionError, text } from '../../imds/answers.js';
import { describeFailure, failureOutcome } from '../../imds/failures.js';
import type { HttpAnswer, HttpResult } from '../../imds/http.js';
import { METADATA_PATH } from '../../imds/protocol.js';
import { recognise, type Recognition } from '../../imds/recognise.js';
import {
  isGuid,
  isKnownCloud,
  isLocation,
  isMachineName,
  isResourceGroup,
  isResourceId,
  type Shape,
} from '../../shapes.js';
import { EMPTY_MACHINE, type Code, type MachineFacts, type Verdict } from '../../types.js';

/** The machine facts that become outputs, with the shape each must have. */
const MACHINE_SHAPES: ReadonlyArray<[keyof MachineFacts, Shape]> = [
  ['vmId', isGuid],
  ['name', isMachineName],
  ['resourceId', isResourceId],
  ['subscriptionId', isGuid],
  ['resourceGroup', isResourceGroup],
  ['location', isLocation],
  ['azEnvironment', isKnownCloud],
];

/** A judged metadata answer: the verdict, what answered, and the machine facts it gave. */
export interface JudgedMetadata {
  verdict: Verdict;
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

/** Fields whose value is present but does not fit its shape (and so will not become an output). */
export function rejectedFields(machine: MachineFacts): Array<keyof MachineFacts> {
  return MACHINE_SHAPES.filter(([field, fits]) => machine[field] !== '' && !fits(machine[field])).map(
    ([f]) => f,
  );
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

export interface MetadataAttempt {
  result: HttpResult;
  attempts: number;
  version: string;
  /** The api-version refused first, when the answer offered another; '' otherwise. */
  fellBackFrom: string;
  /** VM IMDS sends `Server: IMDS/…`; note its absence. */
  notesMissingServerHeader: boolean;
}

export function judgeMetadata(attempt: MetadataAttempt): JudgedMetadata {
  const { result, attempts, version, fellBackFrom } = attempt;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  if (result.kind === 'failure') {
    return {
      verdict: {
        status: 'fail',
        code: result.failure,
        message: `GET ${METADATA_PATH} failed${tries}: ${describeFailure(result)}.`,
        attempts,
        httpStatus: result.status,
        outcome: failureOutcome(result),
      },
      recognition: null,
      machine: EMPTY_MACHINE,
    };
  }
  const recognition = recognise(result, hasMetadataShape);
  const base = { attempts, httpStatus: result.status, outcome: `${result.status}` as const };
  const fallback = fellBackFrom
    ? ` (api-version ${fellBackFrom} was refused; used ${version} from the versions offered)`
    : '';
  const failed = (code: Code, message: string): JudgedMetadata => ({
    verdict: { status: 'fail', code, message, ...base },
    recognition,
    machine: EMPTY_MACHINE,
  });
  if (!recognition.imds) {
    // A 200 that is neither HTML nor a proxy page is a broken instance document: say which way it is broken.
    const broken = result.status === 200 && recognition.code === 'not_imds_answer';
    const code = !broken
      ? recognition.code
      : recognition.json === null
        ? 'metadata_bad_json'
        : 'metadata_bad_shape';
    return failed(code, `GET ${METADATA_PATH}: ${recognition.what}${tries}, not the IMDS instance document.`);
  }
  if (result.status !== 200) {
    return failed(
      statusCode(result),
      `GET ${METADATA_PATH}?api-version=${version} answered ${result.status}${tries}: ${errorText(result) || 'no error text'}${fallback}.`,
    );
  }
  if (recognition.json === null || !hasMetadataShape(recognition.json)) {
    const what = recognition.json === null ? 'not valid JSON' : 'not an instance document (no compute.vmId)';
    return failed(
      recognition.json === null ? 'metadata_bad_json' : 'metadata_bad_shape',
      `GET ${METADATA_PATH} answered 200${tries} but the body is ${what}.`,
    );
  }
  const machine = machineFacts(recognition.json);
  const where = [
    machine.name,
    machine.location && `in ${machine.location}`,
    machine.azEnvironment && `(${machine.azEnvironment})`,
  ]
    .filter((s) => s)
    .join(' ');
  const serverNote =
    recognition.serverHeader || !attempt.notesMissingServerHeader
      ? ''
      : ' Note: the answer had no `Server: IMDS/...` header.';
  const read = `Instance metadata read${tries} with api-version ${version}${fallback}: ${where || 'document valid'}.${serverNote}`;
  const rejected = rejectedFields(machine);
  if (rejected.length > 0) {
    return {
      verdict: {
        status: 'warn',
        code: 'metadata_value_rejected',
        message: `${read} Not used as outputs, as they do not have the shape Azure gives them: ${rejected.join(', ')}.`,
        ...base,
      },
      recognition,
      machine,
    };
  }
  return { verdict: { status: 'pass', code: 'ok', message: read, ...base }, recognition, machine };
}
