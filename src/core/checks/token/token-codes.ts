// The token check's codes and their fixes (docs/errors.md has the long form of each). The codes of the Arc
// key-file challenge belong to the Arc mode (modes/arc-codes.ts).
import { notImds } from '../../imds/failures.js';
import { setting, type RemedyContext, type Remedy } from '../../types.js';

export type TokenCode =
  | 'token_identity_not_found'
  | 'token_multiple_identities'
  | 'token_invalid_resource'
  | 'token_bad_request'
  | 'token_header_rejected'
  | 'token_forbidden'
  | 'token_not_found'
  | 'token_gone'
  | 'token_throttled'
  | 'token_server_error'
  | 'token_unexpected_status'
  | 'token_arc_challenge_in_vm_mode'
  | 'token_bad_json'
  | 'token_bad_shape'
  | 'token_not_jwt'
  | 'token_expired'
  | 'token_claim_rejected';

const selectorInputs = (ctx: RemedyContext): string =>
  (['client-id', 'object-id', 'msi-res-id'] as const).map((n) => setting(ctx, n)).join(', ');

export const TOKEN_REMEDIES: Readonly<Record<TokenCode, Remedy>> = {
  token_identity_not_found: (ctx) =>
    `The VM has no managed identity, or not the one selected. Enable the system-assigned identity, or assign the user-assigned identity to the VM (az vm identity assign), and check the ${selectorInputs(ctx)} value.`,
  token_multiple_identities: (ctx) =>
    `The VM has several user-assigned identities and none was selected. Set ${setting(ctx, 'identity', 'user')} with one of ${selectorInputs(ctx)}.`,
  token_invalid_resource:
    'Entra ID does not know the requested resource in this tenant. Correct the resource (App ID URI of the target API).',
  token_bad_request:
    'IMDS rejected the token request (400). Read the error text in the message; check the resource and identity selector.',
  token_header_rejected:
    'IMDS rejected the token request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
  token_forbidden:
    'IMDS refused the token request (403). Check that the identity is allowed to request tokens and that no interceptor rewrites the request.',
  token_not_found: (ctx) =>
    `The token endpoint kept answering 404 (IMDS updating) until the deadline. Retry later, or raise ${setting(ctx, 'timeout-seconds')}.`,
  token_gone: (ctx) =>
    `The token endpoint kept answering 410 (IMDS updating, up to 70 s). Raise ${setting(ctx, 'timeout-seconds')} above 70 or retry later.`,
  token_throttled:
    'The token endpoint kept answering 429 (20 requests per second, 5 concurrent). Reduce other token traffic and retry.',
  token_server_error:
    'The token endpoint kept answering 5xx (often Entra ID unreachable from IMDS). Retry later; check Azure status.',
  token_unexpected_status:
    'The token endpoint answered with an undocumented status. Retry; compare with a manual request on the machine.',
  token_arc_challenge_in_vm_mode: (ctx) =>
    `This is Hybrid IMDS (an Azure Arc-enabled server), which gives a token only after its key-file challenge: use ${setting(ctx, 'mode', 'arc')} (on the Arc server itself, ${setting(ctx, 'mode', 'auto')} finds the agent). In VM mode the challenge is not followed and the key file it names is not read.`,
  token_bad_json: (ctx) => 'The token answer is not valid JSON. ' + notImds(ctx),
  token_bad_shape: (ctx) => 'The token answer lacks access_token or expires_on. ' + notImds(ctx),
  token_not_jwt: (ctx) =>
    'The access_token is not a JWT (three base64url parts with a JSON payload), which every Entra ID managed-identity token is. It was not used or shown. ' +
    notImds(ctx),
  token_expired: 'IMDS returned a token that is already expired. Check the machine clock (NTP) and retry.',
  token_claim_rejected: (ctx) =>
    'A token claim (oid, tid or appid) is not a GUID, so its output was left empty; the token itself was issued. ' +
    notImds(ctx),
};
