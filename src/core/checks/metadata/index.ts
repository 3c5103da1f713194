// The metadata check: GET /metadata/instance, with one api-version fallback and retries for 410/429/5xx; the
// machine facts the report and outputs carry. Judging the answer is in judge.ts. Its finding can take one more
// sample, judged the same way, for the stability check.
import { isVersionError, offeredVersions } from '../../imds/answers.js';
import type { HttpResult } from '../../imds/http.js';
import { METADATA_PATH } from '../../imds/protocol.js';
import type { Recognition } from '../../imds/recognise.js';
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { statusOutput, type OutputSpec } from '../../pipeline/output-spec.js';
import type { Run } from '../../pipeline/run-state.js';
import {
  isGuid,
  isKnownCloud,
  isLocation,
  isMachineName,
  isResourceGroup,
  isResourceId,
} from '../../shapes.js';
import { EMPTY_MACHINE, isSocketWord, type Finding, type MachineFacts, type Verdict } from '../../types.js';
import { judgeMetadata } from './metadata-judge.js';
import { METADATA_REMEDIES, type MetadataCode } from './metadata-codes.js';

export interface MetadataFinding extends Finding {
  /** null when no HTTP answer came back at all. */
  recognition: Recognition | null;
  machine: MachineFacts;
  /** One more request, a single attempt, judged as this check judges (the stability check's samples). */
  sample(): Promise<Verdict>;
}

type MetadataOutput =
  | 'metadata-status'
  | 'vm-id'
  | 'vm-name'
  | 'resource-id'
  | 'subscription-id'
  | 'resource-group'
  | 'location'
  | 'az-environment';

declare module '../../types.js' {
  interface CheckTypes {
    metadata: { finding: MetadataFinding; codes: MetadataCode; outputs: MetadataOutput };
  }
}

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'metadata-status',
    value: (report) => statusOutput(report, 'metadata', true),
  },
  {
    name: 'vm-id',
    shape: isGuid,
    value: (report) => report.machine.vmId,
  },
  {
    name: 'vm-name',
    shape: isMachineName,
    value: (report) => report.machine.name,
  },
  {
    name: 'resource-id',
    shape: isResourceId,
    value: (report) => report.machine.resourceId,
  },
  {
    name: 'subscription-id',
    shape: isGuid,
    value: (report) => report.machine.subscriptionId,
  },
  {
    name: 'resource-group',
    shape: isResourceGroup,
    value: (report) => report.machine.resourceGroup,
  },
  {
    name: 'location',
    shape: isLocation,
    value: (report) => report.machine.location,
  },
  {
    name: 'az-environment',
    shape: isKnownCloud,
    value: (report) => report.machine.azEnvironment,
  },
];

/** Samples keep their own api-version: the mode's, until an answer offers another (then that one, once). */
function sampler(run: Run): () => Promise<Verdict> {
  const client = run.imds('stability');
  let version = run.target.profile.metadataApiVersion;
  const get = (v: string): Promise<HttpResult> => client.get(`${METADATA_PATH}?api-version=${v}`);
  return async () => {
    let result = await get(version);
    const offered = result.kind === 'answer' ? (offeredVersions(result)[0] ?? '') : '';
    if (offered !== '' && offered !== version) {
      version = offered;
      result = await get(version);
    }
    const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
    return judgeMetadata({ result, attempts: 1, version, fellBackFrom: '', notesMissingServerHeader })
      .verdict;
  };
}

export const metadataCheck: CheckModule<'metadata'> = {
  id: 'metadata',
  title: 'Instance metadata',
  outputs: OUTPUTS,
  remedies: METADATA_REMEDIES,
  async run(run, findings) {
    const sample = sampler(run);
    if (!findings.reachability?.connected) {
      return {
        check: skip(run, metadataCheck, 'Not attempted: nothing could be connected.'),
        recognition: null,
        machine: EMPTY_MACHINE,
        sample,
      };
    }
    const startedAt = run.ctx.clock.now();
    const client = run.imds('metadata');
    const get = (v: string) =>
      client.retried('metadata', () => client.get(`${METADATA_PATH}?api-version=${v}`));
    let version = run.target.profile.metadataApiVersion;
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
    const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
    const judged = judgeMetadata({ result, attempts, version, fellBackFrom, notesMissingServerHeader });
    return {
      check: finish(run, metadataCheck, startedAt, judged.verdict),
      recognition: judged.recognition,
      machine: judged.machine,
      sample,
    };
  },
  // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped. The
  // row keeps the time and attempts it spent waiting (about 20 s when something accepts and stays silent).
  settle(own, findings, run) {
    if (
      findings.reachability?.reachable !== false ||
      own.recognition !== null ||
      !isSocketWord(own.check.outcome)
    )
      return own;
    const skipped = skip(run, metadataCheck, `Not answered: ${own.check.message} See reachability.`);
    const { durationMs, attempts } = own.check;
    return { ...own, check: { ...skipped, durationMs, attempts } };
  },
  adds: (own) => ({ facts: { machine: own.machine } }),
};
