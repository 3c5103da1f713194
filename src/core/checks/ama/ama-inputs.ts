// The ama check's inputs (all only with the ama switch on): the workspaces and DCEs whose hosts AMA must reach,
// the proxy AMA will use, whether names must resolve privately, and extra roots that count as Azure's.
import {
  InvalidInput,
  list,
  oneOf,
  shown,
  type InputGroup,
  type InputReader,
} from '../../pipeline/input-spec.js';
import { parseProxy, type ProxyRoute } from '../../proxy/route.js';
import { isGuid, isHostName } from '../../shapes.js';

export type PrivateLink = 'auto' | 'true' | 'false';

export interface AmaOptions {
  workspaceIds: string[];
  dceEndpoints: string[];
  /** Where AMA's own traffic goes: the environment's HTTPS_PROXY, direct, or the proxy of the input. */
  amaProxy: 'environment' | 'none' | ProxyRoute;
  privateLink: PrivateLink;
  /** '' or a PEM file of extra roots that count as legitimate for Azure Monitor. */
  amaTrustedRoots: string;
}

function workspaceIds(value: string): string[] {
  const ids = [...new Set(list(value).map((v) => v.toLowerCase()))];
  const bad = ids.find((id) => !isGuid(id));
  if (bad !== undefined)
    throw new InvalidInput(
      'workspace-ids',
      `got ${shown(bad)}; expected Log Analytics workspace ids (GUIDs)`,
    );
  return ids;
}

/** DCE host names as the resource shows them; an https:// URL of the DCE is accepted and reduced to its host. */
function dceEndpoints(value: string): string[] {
  const hosts = list(value).map((entry) => {
    const host = /^https:\/\/([^/?#]+)\/?$/i.exec(entry)?.[1] ?? entry;
    if (!isHostName(host))
      throw new InvalidInput(
        'dce-endpoints',
        `got ${shown(entry)}; expected DCE host names (a.b.monitor.azure.com)`,
      );
    return host.toLowerCase();
  });
  return [...new Set(hosts)];
}

function amaProxy(value: string, read: InputReader): AmaOptions['amaProxy'] {
  if (value === '') return 'environment';
  if (value.toLowerCase() === 'none') return 'none';
  const parsed = parseProxy(value, 'ama-proxy', true);
  // The user's own proxy password is masked whatever it looks like, even when the value is refused.
  for (const secret of parsed.secrets) read.secret(secret);
  if (!parsed.ok)
    throw new InvalidInput(
      'ama-proxy',
      `got ${shown(value)}; expected empty (HTTPS_PROXY of the environment), none, or http://[user:password@]host:port`,
    );
  return parsed.route;
}

export const AMA_INPUTS: InputGroup = {
  inputs: [
    {
      name: 'workspace-ids',
      onlyWith: 'ama',
      default: '',
      cli: { value: 'IDS', help: 'with --ama: Log Analytics workspace ids, comma separated' },
    },
    {
      name: 'dce-endpoints',
      onlyWith: 'ama',
      default: '',
      cli: { value: 'HOSTS', help: 'with --ama: data collection endpoint host names, comma separated' },
    },
    {
      name: 'ama-proxy',
      onlyWith: 'ama',
      credential: true,
      default: '',
      cli: {
        value: 'URL|none',
        help: 'with --ama: the proxy AMA will use (default: HTTPS_PROXY of the environment)',
      },
    },
    {
      name: 'private-link',
      default: 'auto',
      cli: {
        value: 'auto|true|false',
        help: 'with --ama: whether names must resolve to private addresses (default {default})',
      },
    },
    {
      name: 'ama-trusted-roots',
      onlyWith: 'ama',
      default: '',
      cli: { value: 'FILE', help: "with --ama: PEM file of extra roots that count as Azure Monitor's" },
    },
  ],
  parse: (read): AmaOptions => ({
    workspaceIds: workspaceIds(read.raw('workspace-ids')),
    dceEndpoints: dceEndpoints(read.raw('dce-endpoints')),
    amaProxy: amaProxy(read.raw('ama-proxy'), read),
    privateLink: oneOf<PrivateLink>('private-link', read.raw('private-link'), ['auto', 'true', 'false']),
    amaTrustedRoots: read.raw('ama-trusted-roots'),
  }),
};
