// The instance document depends on the api-version: a field introduced by a later version than the one
// requested is absent, as in real IMDS (imds-protocol.md §2.2, from the IMDS doc's field table).
// Fields not listed here are in every version (the 2017-04-02 base set and the network object).

/** Path (dot-separated, relative to the document root) → first api-version that returns it. */
// prettier-ignore
export const FIELD_SINCE: Readonly<Record<string, string>> = {
  'compute.subscriptionId': '2017-08-01',
  'compute.resourceGroupName': '2017-08-01',
  'compute.tags': '2017-08-01',
  'compute.placementGroupId': '2017-08-01',
  'compute.vmScaleSetName': '2017-12-01',
  'compute.zone': '2017-12-01',
  'compute.plan': '2018-04-02',
  'compute.publicKeys': '2018-04-02',
  'compute.azEnvironment': '2018-10-01',
  'compute.provider': '2018-10-01',
  'compute.customData': '2019-02-01',
  'compute.resourceId': '2019-03-11',
  'compute.storageProfile': '2019-06-01',
  'compute.tagsList': '2019-06-04',
  'compute.isHostCompatibilityLayerVm': '2020-06-01',
  'compute.securityProfile': '2020-06-01',
  'compute.osProfile': '2020-07-15',
  'compute.osProfile.disablePasswordAuthentication': '2020-10-01',
  'compute.licenseType': '2020-09-01',
  'compute.evictionPolicy': '2020-12-01',
  'compute.priority': '2020-12-01',
  'compute.userData': '2021-01-01',
  'compute.virtualMachineScaleSet': '2021-03-01',
  'compute.extendedLocation': '2021-03-01',
  'compute.platformSubFaultDomain': '2021-10-01',
  'compute.securityProfile.encryptionAtHost': '2021-11-01',
  'compute.additionalCapabilities': '2021-11-01',
  'compute.host': '2021-11-15',
  'compute.hostGroup': '2021-11-15',
  'compute.securityProfile.securityType': '2021-12-13',
  'compute.physicalZone': '2023-11-15',
};

function prune(node: unknown, path: string, version: string): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    const since = Object.hasOwn(FIELD_SINCE, childPath) ? FIELD_SINCE[childPath] : undefined;
    // api-versions are ISO dates, so string order is date order.
    if (since !== undefined && version < since) continue;
    // An override may name a key `__proto__`: define it, as assigning would replace out's prototype.
    Object.defineProperty(out, key, {
      value: prune(value, childPath, version),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The document as the given api-version returns it (input is not modified). */
export function documentForVersion(document: unknown, version: string): unknown {
  return prune(document, '', version);
}
