// The token check: a managed-identity token for the chosen identity, from the service that answered the
// metadata request. The token is registered as a secret the moment it is seen and is returned to the caller
// apart from the report. The exchange is in exchange.ts, the judgement in judge.ts; its finding can take one
// more sample, judged the same way, for the stability check.
import { armResourceFor } from '../../clouds.js';
import type { TokenClaims } from '../../imds/jwt.js';
import type { Recognition } from '../../imds/recognise.js';
import { containerHint } from '../../modes/target.js';
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { statusOutput, type OutputSpec } from '../../pipeline/output-spec.js';
import type { Run } from '../../pipeline/run-state.js';
import { isGuid, isIsoUtc, isJwt } from '../../shapes.js';
import { emptyIdentity, type Finding, type IdentityFacts, type Verdict } from '../../types.js';
import { selectorText } from './token-answer.js';
import { exchangeToken, tokenSampler, type TokenRequest } from './token-exchange.js';
import { judgeToken } from './token-judge.js';
import { TOKEN_REMEDIES, type TokenCode } from './token-codes.js';
import { TOKEN_INPUTS, type TokenOptions } from './token-inputs.js';

export interface TokenFinding extends Finding {
  recognition: Recognition | null;
  identity: IdentityFacts | null;
  /** The claims of the token that passed (read, not verified), for later checks; null without one. */
  claims: TokenClaims | null;
  accessToken: string | null;
  /** One more token request, a single attempt, judged as this check judges (the stability check's samples). */
  sample(): Promise<Verdict>;
}

type TokenInput = 'identity' | 'client-id' | 'object-id' | 'msi-res-id' | 'resource' | 'expose-token';
type TokenOutput =
  'token-status' | 'principal-id' | 'tenant-id' | 'app-id' | 'token-expires-on' | 'access-token';

declare module '../../types.js' {
  interface CheckTypes {
    token: { finding: TokenFinding; codes: TokenCode; inputs: TokenInput; outputs: TokenOutput };
  }
  interface ProbeOptions extends TokenOptions {}
}

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'token-status',
    value: (report) => statusOutput(report, 'token', report.identity.kind !== 'none'),
  },
  {
    name: 'principal-id',
    shape: isGuid,
    value: (report) => report.identity.principalId,
  },
  {
    name: 'tenant-id',
    shape: isGuid,
    value: (report) => report.identity.tenantId,
  },
  {
    name: 'app-id',
    shape: isGuid,
    value: (report) => report.identity.appId,
  },
  {
    name: 'token-expires-on',
    shape: isIsoUtc,
    value: (report) => report.identity.expiresOn,
  },
  {
    name: 'access-token',
    shape: isJwt,
    value: (_report, sources) => (sources.exposeToken ? (sources.accessToken ?? '') : undefined),
  },
];

function tokenRequest(run: Run, resource: string): TokenRequest {
  return {
    client: run.imds('token'),
    resource,
    selector: run.options.selector,
    profile: run.target.profile,
    ctx: run.ctx,
  };
}

export const tokenCheck: CheckModule<'token'> = {
  id: 'token',
  title: 'Managed-identity token',
  inputs: TOKEN_INPUTS,
  outputs: OUTPUTS,
  remedies: TOKEN_REMEDIES,
  async run(run, findings) {
    const meta = findings.metadata;
    const resource = run.options.resource || armResourceFor(meta?.machine.azEnvironment ?? '');
    const request = tokenRequest(run, resource);
    const again = tokenSampler({ ...request, client: run.imds('stability') });
    const judge = (exchange: Parameters<typeof judgeToken>[0]) =>
      judgeToken(exchange, {
        options: run.options,
        profile: run.target.profile,
        resource,
        now: run.ctx.clock.now(),
      });
    // The token itself is dropped here: samples keep only what the judge said of it.
    const sample = async (): Promise<Verdict> => judge(await again()).verdict;
    const none = { recognition: null, identity: null, claims: null, accessToken: null, sample };
    const skipped = (message: string): TokenFinding => ({ check: skip(run, tokenCheck, message), ...none });
    if (run.options.identity === 'none') return skipped('Not requested (identity: none).');
    if (!findings.reachability?.connected) return skipped('Not attempted: nothing could be connected.');
    if (meta?.recognition && !meta.recognition.imds)
      return skipped('Not attempted: what answered is not IMDS.');
    if (!meta?.recognition) return skipped('Not attempted: IMDS did not answer the metadata request.');
    if (run.budget.expired()) {
      const check = finish(run, tokenCheck, run.ctx.clock.now(), {
        status: 'fail',
        code: 'deadline_exceeded',
        message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the token request.`,
        outcome: 'timeout',
      });
      return { check, ...none };
    }
    const startedAt = run.ctx.clock.now();
    const judged = judge(await exchangeToken(request));
    const hint = judged.verdict.status === 'fail' ? containerHint(run.target) : '';
    const check = finish(run, tokenCheck, startedAt, hint ? { ...judged.verdict, hint } : judged.verdict);
    return {
      check,
      recognition: judged.recognition,
      identity: judged.identity,
      claims: judged.claims,
      accessToken: judged.accessToken,
      sample,
    };
  },
  adds: (own, run) => ({
    facts: {
      identity: own.identity ?? emptyIdentity(run.options.identity, selectorText(run.options.selector)),
    },
    accessToken: own.accessToken,
  }),
};
