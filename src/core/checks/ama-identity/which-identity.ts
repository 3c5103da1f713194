// Which managed identity AMA will use on this machine, from what the token check learned:
// - VM, no selector: IMDS answers with the system identity if the VM has one, else its only user-assigned one,
//   else 400 (several user-assigned: "multiple user assigned identities"; none: "Identity not found"). AMA
//   without settings asks the same way, so `{}` selects whatever that token came from. The token's xms_mirid
//   claim says which (undocumented: a hint for the message and the settings, never a failure of its own).
// - VM, a selector: that user-assigned identity, named in the settings.
// - Arc: the system identity only (Arc's requirements page); a user identity checked by the gate is not AMA's.
import type { Code, IdentitySelector, Mode, ProbeOptions } from '../../types.js';
import { IDENTIFIER_NAMES, isUserIdentityId, settingsFor } from './settings.js';
import type { AmaIdentityCode } from './identity-codes.js';

/** What the token check left: its verdict, and the identity claim of the token when one came back. */
export interface TokenOutcome {
  status: 'pass' | 'warn' | 'fail' | 'skip';
  code: Code;
  /** xms_mirid of the token that passed ('' without one). */
  mirid: string;
}

export interface IdentityInput {
  mode: Mode;
  options: Pick<ProbeOptions, 'identity' | 'selector'>;
  token: TokenOutcome | null;
  /** The machine's resource id from metadata ('' when unknown). */
  machineResourceId: string;
}

/**
 * `system` the system identity; `user` a named user-assigned one; `default` whatever IMDS gives without a
 * selector (the system identity if there is one, else the only user-assigned one).
 */
export type AmaIdentityKind = 'system' | 'user' | 'default';

export interface IdentityJudgement {
  /** null: neutral (nothing proven either way: the check does not pass or fail on it). */
  status: 'pass' | 'warn' | 'fail' | null;
  code: AmaIdentityCode | 'ok';
  /** The identity AMA would use; null when none fits or it is unknown. */
  kind: AmaIdentityKind | null;
  /** Whether the machine has a system-assigned identity, as far as IMDS proved it; null when unknown. */
  hasSystem: boolean | null;
  /** Compact JSON of the extension settings; null when none fits. */
  settings: string | null;
  says: string;
}

const selectorName = (s: IdentitySelector): string => `${IDENTIFIER_NAMES[s.kind]} ${s.value}`;
const neutral = (says: string, settings: string | null = null): IdentityJudgement => ({
  status: null,
  code: 'ok',
  kind: settings === '{}' ? 'system' : null,
  hasSystem: null,
  settings,
  says,
});

/** The identity the token came from, by its xms_mirid claim: the machine itself, a user identity, or unknown. */
function claimedBy(mirid: string, machineResourceId: string): 'system' | 'user' | null {
  if (mirid === '') return null;
  if (isUserIdentityId(mirid)) return 'user';
  const machine =
    /\/providers\/Microsoft\.(Compute\/virtualMachines|Compute\/virtualMachineScaleSets|HybridCompute\/machines)\//i;
  if (machineResourceId !== '' && mirid.toLowerCase() === machineResourceId.toLowerCase()) return 'system';
  return machine.test(mirid) ? 'system' : null;
}

function arcIdentity(input: IdentityInput): IdentityJudgement {
  if (input.options.identity === 'user')
    return {
      status: 'warn',
      code: 'ama_arc_user_identity',
      kind: 'system',
      hasSystem: true,
      settings: '{}',
      says: `On Arc, AMA uses the machine's system-assigned identity only, not the user-assigned identity the gate checked${input.options.selector ? ` (${selectorName(input.options.selector)})` : ''}`,
    };
  if (input.token?.status === 'pass' || input.token?.status === 'warn')
    return {
      status: 'pass',
      code: 'ok',
      kind: 'system',
      hasSystem: true,
      settings: '{}',
      says: 'AMA will use the system-assigned identity of the Arc machine, which issued a token (settings {})',
    };
  return neutral(
    "On Arc, AMA uses the machine's system-assigned identity (settings {}), which the Arc agent enables; the token check did not prove it here",
    '{}',
  );
}

export function whichIdentity(input: IdentityInput): IdentityJudgement {
  if (input.mode === 'arc') return arcIdentity(input);
  const { identity, selector } = input.options;
  const token = input.token;
  if (identity === 'none' || token === null || token.status === 'skip')
    return neutral('Which identity AMA would use is unknown: the token check did not run');
  const issued = token.status === 'pass' || token.status === 'warn';
  if (selector) {
    if (issued)
      return {
        status: 'pass',
        code: 'ok',
        kind: 'user',
        hasSystem: null,
        settings: settingsFor({ name: IDENTIFIER_NAMES[selector.kind], value: selector.value }),
        says: `AMA will use the user-assigned identity ${selectorName(selector)}, which issued a token; its extension settings name it`,
      };
    if (token.code === 'token_identity_not_found')
      return {
        status: 'fail',
        code: 'ama_identity_none',
        kind: null,
        hasSystem: null,
        settings: null,
        says: `The user-assigned identity ${selectorName(selector)} is not assigned to this VM (IMDS: Identity not found), so AMA could not use it`,
      };
    return neutral(
      `Whether AMA can use ${selectorName(selector)} is unknown: the token check failed (${token.code})`,
    );
  }
  if (token.code === 'token_multiple_identities')
    return {
      status: 'fail',
      code: 'ama_identity_ambiguous',
      kind: null,
      hasSystem: false,
      settings: null,
      says: 'The VM has several user-assigned identities and no system-assigned one: AMA without settings would get the same 400 from IMDS ("multiple user assigned identities")',
    };
  if (token.code === 'token_identity_not_found')
    return {
      status: 'fail',
      code: 'ama_identity_none',
      kind: null,
      hasSystem: false,
      settings: null,
      says: 'The VM has no managed identity (IMDS: Identity not found), so AMA could not authenticate',
    };
  if (!issued)
    return neutral(`Which identity AMA would use is unknown: the token check failed (${token.code})`);
  const claimed = claimedBy(input.token?.mirid ?? '', input.machineResourceId);
  if (claimed === 'user') {
    const settings = settingsFor({ name: 'mi_res_id', value: token.mirid });
    return {
      status: 'pass',
      code: 'ok',
      kind: 'user',
      // A hint only: never the ground of a failure, so the policy does not count on it.
      hasSystem: null,
      settings,
      says: `Asked without a selector, IMDS gave the token of the user-assigned identity ${token.mirid} (token claim xms_mirid), so the VM has no system-assigned identity and one user-assigned identity; AMA would get the same, and these settings name it`,
    };
  }
  return {
    status: 'pass',
    code: 'ok',
    kind: claimed === 'system' ? 'system' : 'default',
    hasSystem: claimed === 'system' ? true : null,
    settings: '{}',
    says:
      claimed === 'system'
        ? 'AMA will use the system-assigned identity, which issued a token (settings {})'
        : 'AMA will use the identity IMDS gives without a selector (the system-assigned one, or the only user-assigned one), which issued a token (settings {})',
  };
}
