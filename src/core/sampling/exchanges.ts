// One sampled request per endpoint, over the wire: a single attempt, never retried (the point is to see the
// failures retries hide), judged as the checks judge. The token answer's secrets are registered the moment it
// arrives, and on Arc the key-file challenge is followed as the token exchange follows it.
import { offeredVersions } from '../checks/answers.js';
import { judgeMetadata } from '../checks/metadata-answer.js';
import { registerTokenSecrets } from '../checks/token-answer.js';
import { tokenPath } from '../checks/token-exchange.js';
import { judgeToken } from '../checks/token-judge.js';
import { METADATA_PATH } from '../endpoints.js';
import type { HttpResult } from '../http.js';
import { imdsGet } from '../imds-get.js';
import type { Run } from '../pipeline/run.js';
import { isArcChallenge } from '../recognise.js';
import { endpointSample, type EndpointSample } from './sample.js';

/** What the samples ask for. The api-versions start as the mode's and follow a fallback once, as the checks do. */
export interface SampleTarget {
  metadataVersion: string;
  tokenVersion: string;
  /** The token audience the first run used. */
  resource: string;
}

/** Time spent in `work`, less any time the run's pacer held its requests back. */
async function timed<T>(run: Run, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = run.ctx.clock.now();
  const heldBefore = run.pacer.heldMs;
  const value = await work();
  return { value, ms: run.ctx.clock.now() - startedAt - (run.pacer.heldMs - heldBefore) };
}

/** The newest version an answer offers when it is not the one asked for ('' otherwise). */
function fallbackFrom(result: HttpResult, asked: string): string {
  const offered = result.kind === 'answer' ? (offeredVersions(result)[0] ?? '') : '';
  return offered !== asked ? offered : '';
}

export async function sampleMetadata(run: Run, target: SampleTarget): Promise<EndpointSample> {
  const get = (version: string) => imdsGet(run, 'stability', `${METADATA_PATH}?api-version=${version}`);
  const { value: result, ms } = await timed(run, async () => {
    const first = await get(target.metadataVersion);
    // The first run fell back to an offered version too: do the same once and keep it for later samples.
    const offered = fallbackFrom(first, target.metadataVersion);
    if (offered === '') return first;
    target.metadataVersion = offered;
    return get(offered);
  });
  const judged = judgeMetadata({
    result,
    attempts: 1,
    version: target.metadataVersion,
    fellBackFrom: '',
    notesMissingServerHeader: run.target.profile.notesMissingServerHeader,
  });
  return endpointSample(judged.end, ms);
}

export async function sampleToken(run: Run, target: SampleTarget): Promise<EndpointSample> {
  const send = async (version: string) => {
    const path = tokenPath(run, target.resource, version);
    const result = await imdsGet(run, 'stability', path);
    if (result.kind === 'answer') registerTokenSecrets(result.body, run.ctx);
    return { path, result };
  };
  const { value: exchange, ms } = await timed(run, async () => {
    let sent = await send(target.tokenVersion);
    const offered = fallbackFrom(sent.result, target.tokenVersion);
    if (offered !== '') {
      target.tokenVersion = offered;
      sent = await send(offered);
    }
    const challenged = sent.result.kind === 'answer' && isArcChallenge(sent.result);
    return run.target.profile.completeTokenExchange(run, sent.path, {
      result: sent.result,
      attempts: 1,
      challenged,
    });
  });
  const judged = judgeToken(exchange, {
    options: run.options,
    profile: run.target.profile,
    resource: target.resource,
    now: run.ctx.clock.now(),
  });
  // The token itself is dropped here: samples keep only what the judge said of it.
  return endpointSample(judged.end, ms);
}
