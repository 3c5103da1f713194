// What imds-check knows per Azure cloud, keyed by the azEnvironment metadata names (compared case-insensitively;
// IMDS samples print it upper-case): the clouds that may become the az-environment output, the ARM audience a
// token is asked for by default, and the suffix of Azure Monitor's host names. The name comes from the network,
// so the tables are Maps: `constructor` or `__proto__` is an unknown cloud, never a property of a table.

/** The clouds IMDS and the Azure Monitor Agent know. */
export const KNOWN_CLOUDS = [
  'AzurePublicCloud',
  'AzureUSGovernmentCloud',
  'AzureChinaCloud',
  'AzureGermanCloud',
  'AzureStackCloud',
  'USNat',
  'USSec',
] as const;

export const DEFAULT_RESOURCE = 'https://management.azure.com/';

/** ARM audience per azEnvironment. */
const ARM_RESOURCE_BY_CLOUD: ReadonlyMap<string, string> = new Map([
  ['azurepubliccloud', 'https://management.azure.com/'],
  ['azureusgovernmentcloud', 'https://management.usgovcloudapi.net/'],
  ['azurechinacloud', 'https://management.chinacloudapi.cn/'],
  ['azuregermancloud', 'https://management.microsoftazure.de/'],
]);

/** The handler/ODS host suffix per azEnvironment, as the AMA network documentation lists them. */
const MONITOR_SUFFIX_BY_CLOUD: ReadonlyMap<string, string> = new Map([
  ['azurepubliccloud', 'com'],
  ['azureusgovernmentcloud', 'us'],
  ['azurechinacloud', 'cn'],
]);

export function armResourceFor(azEnvironment: string): string {
  return ARM_RESOURCE_BY_CLOUD.get(azEnvironment.toLowerCase()) ?? DEFAULT_RESOURCE;
}

/** `com`, `us` or `cn`; null for a cloud whose Azure Monitor host names are not published (or none given). */
export function monitorSuffix(azEnvironment: string): string | null {
  return MONITOR_SUFFIX_BY_CLOUD.get(azEnvironment.trim().toLowerCase()) ?? null;
}
