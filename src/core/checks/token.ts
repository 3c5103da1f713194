// The token check: a managed-identity token for the chosen identity, from the service that answered the
// metadata request. The token is registered as a secret the moment it is seen and is returned to the caller
// apart from the report. The exchange is in token-exchange.ts, the judgement in token-judge.ts.
import { armResourceFor } from '../endpoints.js';
import { finish, skip, type CheckModule } from '../pipeline/check.js';
import type { Finding } from '../pipeline/findings.js';
import type { Recognition } from '../recognise.js';
import type { IdentityFacts } from '../types.js';
import { containerHint } from './reachability.js';
import { exchangeToken } from './token-exchange.js';
import { judgeToken } from './token-judge.js';

export interface TokenFinding extends Finding {
  recognition: Recognition | null;
  identity: IdentityFacts | null;
  accessToken: string | null;
}

declare module '../pipeline/findings.js' {
  interface CheckFindings {
    token: TokenFinding;
  }
}

const none = { recognition: null, identity: null, accessToken: null };

export const tokenCheck: CheckModule<'token'> = {
  id: 'token',
  title: 'Managed-identity token',
  async run(run, findings) {
    const skipped = (message: string): TokenFinding => ({ check: skip(run, tokenCheck, message), ...none });
    if (run.options.identity === 'none') return skipped('Not requested (identity: none).');
    const meta = findings.metadata;
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
    const resource = run.options.resource || armResourceFor(meta.machine.azEnvironment);
    const exchange = await exchangeToken(run, resource);
    const judged = judgeToken(exchange, {
      options: run.options,
      profile: run.target.profile,
      resource,
      now: run.ctx.clock.now(),
    });
    const hint = judged.end.status === 'fail' ? containerHint(run) : '';
    const check = finish(run, tokenCheck, startedAt, hint ? { ...judged.end, hint } : judged.end);
    return {
      check,
      recognition: judged.recognition,
      identity: judged.identity,
      accessToken: judged.accessToken,
    };
  },
};
