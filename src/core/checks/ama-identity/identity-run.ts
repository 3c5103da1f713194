// The ama-identity check's judgement, loaded only when the check runs: the identity AMA will use (from the token
// check's finding), the built-in policy's prediction (from metadata's region and image), and the verdict on both.
import { remedyContext, remedyFor } from '../../pipeline/remedy-lookup.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Findings, Verdict } from '../../types.js';
import { AMA_IDENTITY_REMEDIES, type AmaIdentityCode } from './identity-codes.js';
import { imageReferenceOf } from './image.js';
import { osFamilyOf, predictPolicy, type AmaInstall, type PolicyPrediction } from './policy.js';
import { whichIdentity, type IdentityJudgement } from './which-identity.js';

function judge(run: Run, findings: Findings): { identity: IdentityJudgement; policy: PolicyPrediction } {
  const token = findings.token;
  const machine = findings.metadata?.machine;
  const identity = whichIdentity({
    mode: run.target.profile.mode,
    options: run.options,
    token: token
      ? { status: token.check.status, code: token.check.code, mirid: token.claims?.xmsMirid ?? '' }
      : null,
    machineResourceId: machine?.resourceId ?? '',
  });
  const recognition = findings.metadata?.recognition;
  const document = recognition?.imds ? recognition.json : null;
  const policy = predictPolicy({
    mode: run.target.profile.mode,
    os: osFamilyOf(machine?.osType ?? '', run.ctx.platform),
    location: machine?.location ?? '',
    image: imageReferenceOf(document),
    kind: identity.kind,
    hasSystem: identity.hasSystem,
  });
  return { identity, policy };
}

function policySentence(policy: PolicyPrediction, install: AmaInstall): string {
  const named = policy.judged.map((j) => `'${j.policy.name}' (${j.policy.version})`).join(' and ');
  if (policy.prediction === 'install') return `The built-in policy ${named} would install AMA here.`;
  if (policy.prediction === 'skip') {
    const only = install === 'extension' ? ' (reported only: ama-install is extension)' : '';
    return `Azure Policy would not install AMA here${only}: ${policy.skipRule}.`;
  }
  const open = policy.judged.flatMap((j) => j.rules.filter((r) => r.ok === null).map((r) => r.says));
  const why = open.length > 0 ? [...new Set(open)].join('; ') : 'the policies judged disagree';
  return `Whether the built-in policy ${named || 'for this OS'} would install AMA cannot be told: ${why}.`;
}

const RANK = { pass: 0, warn: 1, fail: 2 } as const;

function verdictOf(run: Run, identity: IdentityJudgement, policy: PolicyPrediction): Verdict {
  const install = run.options.amaInstall;
  const policyFails = install === 'policy' && policy.prediction === 'skip';
  const parts: { status: 'pass' | 'warn' | 'fail'; code: AmaIdentityCode | 'ok' }[] = [];
  if (identity.status !== null) parts.push({ status: identity.status, code: identity.code });
  if (policyFails) parts.push({ status: 'fail', code: 'ama_policy_skip' });
  const worst = parts.reduce<(typeof parts)[number] | null>(
    (a, b) => (a === null || RANK[b.status] > RANK[a.status] ? b : a),
    null,
  );
  const message = `${identity.says}. ${policySentence(policy, install)}`;
  const rows: string[][] = [
    ['Identity AMA uses', identity.kind ?? 'none fits', identity.status ?? 'unknown'],
    ['Extension settings', identity.settings ?? '(none fits)', ''],
    ...policy.judged.flatMap((j) => [
      ['Policy', `${j.policy.name} (${j.policy.id}, ${j.policy.version})`, j.prediction],
      ...j.rules.map((r) => [`  ${r.rule}`, r.says, r.ok === null ? 'unknown' : r.ok ? 'pass' : 'skips']),
    ]),
  ];
  const data = {
    identity: identity.kind,
    settings: identity.settings ?? '',
    policy: policy.prediction,
    install,
    policies: policy.judged.map((j) => ({
      id: j.policy.id,
      version: j.policy.version,
      prediction: j.prediction,
      rules: j.rules.map((r) => ({ rule: r.rule, ok: r.ok, says: r.says })),
    })),
  };
  const details = [{ title: 'Identity and policy', columns: ['Item', 'Found', 'Verdict'], rows }];
  if (worst === null) return { status: 'skip', code: 'skipped', message, details, data };
  // A policy skip that fails joins an identity failure: both fixes are said.
  const hint =
    policyFails && worst.code !== 'ama_policy_skip'
      ? `For ama_policy_skip: ${remedyFor('ama_policy_skip', remedyContext(run), AMA_IDENTITY_REMEDIES)}`
      : '';
  return { status: worst.status, code: worst.code, message, details, data, ...(hint ? { hint } : {}) };
}

export function judgeIdentity(
  run: Run,
  findings: Findings,
): { identity: IdentityJudgement; policy: PolicyPrediction; verdict: Verdict } {
  const { identity, policy } = judge(run, findings);
  return { identity, policy, verdict: verdictOf(run, identity, policy) };
}
