// The ama-identity check's codes and their fixes (docs/errors.md has the long form of each).
import { setting, type Remedy } from '../../types.js';

export type AmaIdentityCode =
  'ama_identity_none' | 'ama_identity_ambiguous' | 'ama_arc_user_identity' | 'ama_policy_skip';

export const AMA_IDENTITY_REMEDIES: Readonly<Record<AmaIdentityCode, Remedy>> = {
  ama_identity_none:
    'AMA needs a managed identity to authenticate. Enable the system-assigned identity (az vm identity assign -g <rg> -n <vm>), or assign the user-assigned identity AMA should use and select it in the extension settings.',
  ama_identity_ambiguous: (ctx) =>
    `The VM has several user-assigned identities and no system-assigned one, so AMA's token request without settings fails (400 "multiple user assigned identities"). Install AMA with settings that name one: run the gate with ${setting(ctx, 'identity', 'user')} and ${setting(ctx, 'msi-res-id')} of that identity, and pass its ama-extension-settings output to the extension install; or enable the system-assigned identity.`,
  ama_arc_user_identity: (ctx) =>
    `On Azure Arc-enabled servers AMA authenticates with the machine's system-assigned identity only: the user-assigned identity the gate checked is not the one AMA will use. Check ${setting(ctx, 'identity', 'system')} instead and grant the system identity what AMA needs.`,
  ama_policy_skip:
    'The built-in "Configure … to run Azure Monitor Agent" policy would not install AMA on this machine (the rule is named in the message). Install the extension directly, assign the policy with scopeToSupportedImages false or this image id in listOfLinuxImageIdToInclude / listOfWindowsImageIdToInclude, or use a policy variant that covers the region or identity.',
};
