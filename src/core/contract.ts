// The public contract's names: inputs and outputs (kebab-case on GitHub and the CLI, camelCase on Azure
// DevOps) and the input defaults. What they mean lives with the code that reads them; adapters only translate.

export const INPUT_NAMES = [
  'mode',
  'identity',
  'client-id',
  'object-id',
  'msi-res-id',
  'resource',
  'endpoint',
  'timeout-seconds',
  'fail-on',
  'expose-token',
  'report-path',
  'junit-path',
  'samples',
  'min-success-percent',
  'ama',
  'workspace-ids',
  'dce-endpoints',
  'ama-proxy',
  'private-link',
  'ama-trusted-roots',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const INPUT_DEFAULTS: Readonly<Record<InputName, string>> = {
  mode: 'auto',
  identity: 'system',
  'client-id': '',
  'object-id': '',
  'msi-res-id': '',
  resource: '',
  endpoint: '',
  // IMDS answers 410 for up to ~70 s while it is updated; 90 s rides that out on a healthy machine.
  'timeout-seconds': '90',
  'fail-on': 'error',
  'expose-token': 'false',
  'report-path': '',
  'junit-path': '',
  samples: '1',
  'min-success-percent': '95',
  ama: 'false',
  'workspace-ids': '',
  'dce-endpoints': '',
  'ama-proxy': '',
  'private-link': 'auto',
  'ama-trusted-roots': '',
};

/** Inputs that may carry a credential: adapters read them without any echo and register the secret first. */
export const CREDENTIAL_INPUTS: readonly InputName[] = ['endpoint', 'ama-proxy'];

export const OUTPUT_NAMES = [
  'result',
  'reachable',
  'mode',
  'metadata-status',
  'token-status',
  'vm-id',
  'vm-name',
  'resource-id',
  'subscription-id',
  'resource-group',
  'location',
  'az-environment',
  'principal-id',
  'tenant-id',
  'app-id',
  'token-expires-on',
  'samples-total',
  'samples-ok',
  'latency-p50-ms',
  'latency-p95-ms',
  'latency-max-ms',
  'ama-status',
  'ama-failed-endpoints',
  'report-path',
  'access-token',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
export type Outputs = Partial<Record<OutputName, string>>;

/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
export function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
