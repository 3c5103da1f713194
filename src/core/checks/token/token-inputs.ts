// The token check's inputs: which identity (system, user with exactly one selector, or none), the audience, and
// whether the token may become an output. The selector inputs are checked together: exactly one, only with
// identity user, each of its documented shape.
import {
  InvalidInput,
  oneOf,
  shown,
  strictBoolean,
  type InputGroup,
  type InputReader,
} from '../../pipeline/input-spec.js';
import { isGuid } from '../../shapes.js';
import type { IdentityKind, IdentitySelector, InputName } from '../../types.js';

export interface TokenOptions {
  identity: IdentityKind;
  selector: IdentitySelector | null;
  /** '' means: the ARM endpoint of the cloud named by metadata azEnvironment. */
  resource: string;
  exposeToken: boolean;
}

const UAMI_RESOURCE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
  ['client-id', 'client_id'],
  ['object-id', 'object_id'],
  ['msi-res-id', 'msi_res_id'],
] as const;

function resource(value: string): string {
  if (value === '') return '';
  if (!/\s/.test(value) && (/^(https?|api):\/\/\S+$/i.test(value) || isGuid(value))) return value;
  throw new InvalidInput(
    'resource',
    `got ${shown(value)}; expected an App ID URI (https://...) or an application id (GUID)`,
  );
}

function selector(read: InputReader, identity: IdentityKind): IdentitySelector | null {
  const given = SELECTOR_INPUTS.filter(([input]) => read.raw(input) !== '');
  const names = SELECTOR_INPUTS.map(([n]) => read.spell(n));
  const oneOfNames = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  if (identity !== 'user') {
    const first = given[0];
    if (first)
      throw new InvalidInput(first[0], `is only used with identity 'user' (identity is '${identity}')`);
    return null;
  }
  if (given.length === 0) {
    throw new InvalidInput('identity', `'user' needs exactly one of ${oneOfNames}`);
  }
  if (given.length > 1) {
    throw new InvalidInput(
      given[1]![0],
      `give exactly one of ${oneOfNames}, not ${given.map(([n]) => read.spell(n)).join(' and ')}`,
    );
  }
  const [input, kind]: readonly [InputName, IdentitySelector['kind']] = given[0]!;
  const value = read.raw(input);
  if (kind === 'msi_res_id' && !UAMI_RESOURCE_ID.test(value)) {
    throw new InvalidInput(
      input,
      `got ${shown(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`,
    );
  }
  if (kind !== 'msi_res_id' && !isGuid(value)) {
    throw new InvalidInput(
      input,
      `got ${shown(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`,
    );
  }
  return { kind, value };
}

export const TOKEN_INPUTS: InputGroup = {
  inputs: [
    {
      name: 'identity',
      default: 'system',
      description:
        '`system`, `user` (needs exactly one of client-id, object-id, msi-res-id) or `none` (skips the token check).',
      task: {
        label: 'Identity',
        type: 'pickList',
        options: { system: 'System-assigned', user: 'User-assigned', none: 'None (skip the token check)' },
        help: 'Which managed identity to request a token for. `user` needs exactly one of Client ID, Object ID or Resource ID. `none` skips the token check.',
      },
      cli: {
        value: 'system|user|none',
        help: 'which identity to request a token for (default {default}; none skips the token)',
      },
    },
    {
      name: 'client-id',
      default: '',
      description: 'Client id (GUID) of the user-assigned identity; only with identity `user`.',
      task: {
        label: 'Client ID',
        type: 'string',
        help: 'Client (application) ID of the user-assigned identity, a GUID. Give exactly one of Client ID, Object ID or Resource ID.',
        visibleRule: 'identity = user',
      },
      cli: { value: 'GUID', help: 'user-assigned identity by client id (with --identity user)' },
    },
    {
      name: 'object-id',
      default: '',
      description: 'Object (principal) id (GUID) of the user-assigned identity; only with identity `user`.',
      task: {
        label: 'Object ID',
        type: 'string',
        help: 'Object (principal) ID of the user-assigned identity, a GUID. Give exactly one of Client ID, Object ID or Resource ID.',
        visibleRule: 'identity = user',
      },
      cli: { value: 'GUID', help: 'user-assigned identity by object (principal) id' },
    },
    {
      name: 'msi-res-id',
      default: '',
      description: 'ARM resource id of the user-assigned identity; only with identity `user`.',
      task: {
        label: 'Resource ID',
        type: 'string',
        help: 'ARM resource ID of the user-assigned identity: `/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`.',
        visibleRule: 'identity = user',
      },
      cli: { value: 'ID', help: 'user-assigned identity by ARM resource id' },
    },
    {
      name: 'resource',
      default: '',
      description:
        'Token audience. Empty means the ARM endpoint of the cloud the metadata names (https://management.azure.com/ on public cloud).',
      task: {
        label: 'Token audience (resource)',
        type: 'string',
        help: 'App ID URI or application ID to request the token for. Empty means the ARM endpoint of the cloud the VM reports (`https://management.azure.com/` in the public cloud).',
        group: 'advanced',
      },
      cli: { value: 'URI', help: 'token audience (default: ARM of the cloud IMDS reports)' },
    },
    {
      name: 'expose-token',
      default: 'false',
      description: 'Also set the `access-token` output (masked first). Off by default.',
      task: {
        label: 'Expose the access token',
        type: 'boolean',
        help: 'Also set the `accessToken` output variable (secret). Off by default; the token is masked in logs either way.',
        group: 'advanced',
      },
      cli: { help: 'with --json, add accessToken to the printed document (never to --report)' },
    },
  ],
  parse(read): TokenOptions {
    const identity = oneOf<IdentityKind>('identity', read.raw('identity'), ['system', 'user', 'none']);
    return {
      identity,
      selector: selector(read, identity),
      resource: resource(read.raw('resource')),
      exposeToken: strictBoolean('expose-token', read.raw('expose-token')),
    };
  },
};
