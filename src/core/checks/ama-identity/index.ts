// The ama-identity check (ama: true, after token): which managed identity AMA will use here, the extension
// settings that select it (output ama-extension-settings), and whether the built-in AMA policy would install AMA
// on this machine (output ama-policy). With ama-install: policy a predicted skip fails the check.
import { finish, type CheckModule } from '../../pipeline/check.js';
import { oneOf, type InputGroup } from '../../pipeline/input-spec.js';
import type { OutputSpec } from '../../pipeline/output-spec.js';
import type { Finding, JsonValue, Report } from '../../types.js';
import { AMA_IDENTITY_REMEDIES, type AmaIdentityCode } from './identity-codes.js';
import type { AmaInstall, PolicyPrediction, Prediction } from './policy.js';
import { isExtensionSettings } from './settings.js';
import type { IdentityJudgement } from './which-identity.js';

export interface AmaIdentityOptions {
  /** How AMA will be installed: directly as the extension, or by the built-in policy. */
  amaInstall: AmaInstall;
}

export interface AmaIdentityFinding extends Finding {
  identity: IdentityJudgement | null;
  policy: PolicyPrediction | null;
}

declare module '../../types.js' {
  interface CheckTypes {
    'ama-identity': {
      finding: AmaIdentityFinding;
      codes: AmaIdentityCode;
      inputs: 'ama-install';
      outputs: 'ama-extension-settings' | 'ama-policy';
    };
  }
  interface ProbeOptions extends AmaIdentityOptions {}
}

const INPUTS: InputGroup = {
  inputs: [
    {
      name: 'ama-install',
      onlyWith: 'ama',
      default: 'extension',
      cli: {
        value: 'extension|policy',
        help: 'with --ama: how AMA will be installed; policy fails when the built-in policy would skip this machine',
      },
    },
  ],
  parse: (read): AmaIdentityOptions => ({
    amaInstall: oneOf<AmaInstall>('ama-install', read.raw('ama-install'), ['extension', 'policy']),
  }),
};

const PREDICTIONS: ReadonlySet<string> = new Set<Prediction>(['install', 'skip', 'unknown']);
const dataOf = (report: Report, key: string): JsonValue | undefined =>
  report.checks.find((c) => c.id === 'ama-identity')?.data?.[key];
const stringOf = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'ama-extension-settings',
    shape: isExtensionSettings,
    value: (report) => stringOf(dataOf(report, 'settings')),
  },
  {
    name: 'ama-policy',
    shape: (value) => PREDICTIONS.has(value),
    value: (report) => stringOf(dataOf(report, 'policy')),
  },
];

export const amaIdentityCheck: CheckModule<'ama-identity'> = {
  id: 'ama-identity',
  title: 'AMA identity and policy',
  wanted: (options) => options.ama,
  inputs: INPUTS,
  outputs: OUTPUTS,
  remedies: AMA_IDENTITY_REMEDIES,
  async run(run, findings) {
    const startedAt = run.ctx.clock.now();
    // The policy rules and judges load only when the check runs (ama: true): start-up never pays for them.
    const { identity, policy, verdict } = (await import('./identity-run.js')).judgeIdentity(run, findings);
    const check = finish(run, amaIdentityCheck, startedAt, verdict);
    return { check, identity, policy };
  },
};
