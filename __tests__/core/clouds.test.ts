// The per-cloud tables are keyed by azEnvironment, which IMDS (or whatever answers for it) sends: a name that
// every plain object has must be an unknown cloud, never a property of the table (issue 17).
import { describe, expect, it } from '@jest/globals';
import { armResourceFor, DEFAULT_RESOURCE, monitorSuffix } from '../../src/core/clouds.js';

const PROTOTYPE_NAMES = [
  'constructor',
  'Constructor',
  '__proto__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

describe('clouds', () => {
  it('knows the published clouds, in any case', () => {
    expect(armResourceFor('AzurePublicCloud')).toBe('https://management.azure.com/');
    expect(armResourceFor('AZUREUSGOVERNMENTCLOUD')).toBe('https://management.usgovcloudapi.net/');
    expect(armResourceFor('azurechinacloud')).toBe('https://management.chinacloudapi.cn/');
    expect(monitorSuffix(' AzureChinaCloud ')).toBe('cn');
    expect(monitorSuffix('AzureUSGovernmentCloud')).toBe('us');
  });

  it.each(PROTOTYPE_NAMES)('%s is an unknown cloud', (name) => {
    expect(armResourceFor(name)).toBe(DEFAULT_RESOURCE);
    expect(monitorSuffix(name)).toBeNull();
  });
});
