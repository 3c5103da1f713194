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
      cli: {
        value: 'system|user|none',
        help: 'which identity to request a token for (default {default}; none skips the token)',
      },
    },
    {
      name: 'client-id',
      default: '',
      cli: { value: 'GUID', help: 'user-assigned identity by client id (with --identity user)' },
    },
    {
      name: 'object-id',
      default: '',
      cli: { value: 'GUID', help: 'user-assigned identity by object (principal) id' },
    },
    {
      name: 'msi-res-id',
      default: '',
      cli: { value: 'ID', help: 'user-assigned identity by ARM resource id' },
    },
    {
      name: 'resource',
      default: '',
      cli: { value: 'URI', help: 'token audience (default: ARM of the cloud IMDS reports)' },
    },
    {
      name: 'expose-token',
      default: 'false',
      cli: {
        help: 'only with --json: add accessToken to the printed document (never to --report, never as text)',
      },
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
