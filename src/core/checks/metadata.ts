// The metadata check: GET /metadata/instance, with one api-version fallback and retries for 410/429/5xx;
// the machine facts the report and outputs carry. Judging the answer is in metadata-answer.ts.
import { isVersionError, offeredVersions } from './answers.js';
import { METADATA_PATH } from '../endpoints.js';
import { imdsGet, retryDeps } from '../imds-get.js';
import { finish, skip, type CheckModule } from '../pipeline/check.js';
import type { Finding } from '../pipeline/findings.js';
import type { Recognition } from '../recognise.js';
import { withRetry } from '../retry.js';
import { isSocketWord } from '../socket-words.js';
import type { MachineFacts } from '../types.js';
import { EMPTY_MACHINE, judgeMetadata } from './metadata-answer.js';

export interface MetadataFinding extends Finding {
  /** null when no HTTP answer came back at all. */
  recognition: Recognition | null;
  machine: MachineFacts;
}

declare module '../pipeline/findings.js' {
  interface CheckFindings {
    metadata: MetadataFinding;
  }
}

export const metadataCheck: CheckModule<'metadata'> = {
  id: 'metadata',
  title: 'Instance metadata',
  async run(run, findings) {
    if (!findings.reachability?.connected) {
      return {
        check: skip(run, metadataCheck, 'Not attempted: nothing could be connected.'),
        recognition: null,
        machine: EMPTY_MACHINE,
      };
    }
    const startedAt = run.ctx.clock.now();
    const deps = retryDeps(run, 'metadata');
    const get = (v: string) =>
      withRetry('metadata', () => imdsGet(run, 'metadata', `${METADATA_PATH}?api-version=${v}`), deps);
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
      check: finish(run, metadataCheck, startedAt, judged.end),
      recognition: judged.recognition,
      machine: judged.machine,
    };
  },
  // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped.
  settle(own, findings, run) {
    if (
      findings.reachability?.reachable !== false ||
      own.recognition !== null ||
      !isSocketWord(own.check.outcome)
    )
      return own;
    return {
      ...own,
      check: skip(run, metadataCheck, `Not answered: ${own.check.message} See reachability.`),
    };
  },
};
