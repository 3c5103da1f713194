// The codes of the Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has, and
// their fixes. The token check ends with them, and the stability check's samples may carry them.
import { setting, type Remedy } from '../types.js';

export type ArcCode =
  | 'arc_challenge_missing'
  | 'arc_challenge_malformed'
  | 'arc_expected_challenge'
  | 'arc_endpoint_not_loopback'
  | 'arc_key_outside_tokens_dir'
  | 'arc_key_not_key_file'
  | 'arc_key_not_regular_file'
  | 'arc_key_hard_link'
  | 'arc_key_too_large'
  | 'arc_key_missing'
  | 'arc_key_permission_denied'
  | 'arc_key_read_failed'
  | 'arc_secret_rejected'
  | 'arc_user_identity_unconfirmed';

declare module '../types.js' {
  interface CodeOwners {
    arc: ArcCode;
  }
}

export const ARC_REMEDIES: Readonly<Record<ArcCode, Remedy>> = {
  arc_challenge_missing:
    'Hybrid IMDS answered 401 without a WWW-Authenticate challenge. Update the Connected Machine agent.',
  arc_challenge_malformed:
    'The WWW-Authenticate challenge is not `Basic realm=<path>`. Update the Connected Machine agent; if it persists, something impersonates HIMDS.',
  arc_expected_challenge:
    'Hybrid IMDS returned a token without the key-file challenge; something other than HIMDS may be listening on its port.',
  arc_endpoint_not_loopback:
    'The key-file challenge is only followed for a Hybrid IMDS on this machine. Point endpoint at localhost:40342 (or leave it empty); a remote server asking for the key file is not HIMDS.',
  arc_key_outside_tokens_dir:
    'The challenge named a file outside the Arc tokens folder, so it was not read. Something other than HIMDS may be listening on its port; check `azcmagent show`.',
  arc_key_not_key_file:
    'The challenge named a file that does not end in .key, so it was not read. Something other than HIMDS may be answering.',
  arc_key_not_regular_file:
    'The challenge named something that is not a regular file (a link, folder or FIFO), so it was not read.',
  arc_key_hard_link:
    'The challenge file has more than one hard link, so it could be any file on this machine; it was not read. HIMDS creates a fresh single-use file: something else may be answering on its port.',
  arc_key_too_large:
    'The challenge file is larger than 4096 bytes, so it was not read. Something other than HIMDS may be answering.',
  arc_key_missing:
    'The challenge file does not exist (it is single-use and removed quickly). Retry; if it persists, restart himdsd.',
  arc_key_permission_denied: (ctx) =>
    ctx.platform === 'win32'
      ? "Run the agent or runner as a member of the local 'Hybrid agent extension applications' group (or Administrators), then restart its service."
      : 'Add the runner or agent user to the himds group (`sudo usermod -aG himds <runner user>`), then restart the runner or agent service so the new group applies.',
  arc_key_read_failed:
    'The challenge file could not be read or does not hold a usable secret. Check the folder permissions and free disk space.',
  arc_secret_rejected:
    'Hybrid IMDS rejected the key-file secret. Retry; if it persists, restart the Hybrid IMDS service.',
  arc_user_identity_unconfirmed: (ctx) =>
    `The answer did not confirm the requested user-assigned identity: Arc agents before user-assigned support return the system identity. Update the Connected Machine agent, or use ${setting(ctx, 'identity', 'system')}.`,
};
