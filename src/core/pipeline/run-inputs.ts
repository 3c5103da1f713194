// The run's own inputs: which service (mode, endpoint), its bounds (timeout-seconds), what fails the step
// (fail-on), where the report files go, and the switch of the Azure Monitor Agent checks (ama), which several
// checks share. Every other input belongs to the check that reads it.
import { hasUserInfo, validateBaseUrl } from '../imds/endpoint.js';
import type { FailOn, ProbeOptions, RequestedMode } from '../types.js';
import { InvalidInput, oneOf, shown, strictBoolean, wholeNumber, type InputGroup } from './input-spec.js';

function endpoint(value: string): string {
  if (value === '') return '';
  if (hasUserInfo(value)) {
    throw new InvalidInput(
      'endpoint',
      `got ${shown(value)}; user-info is not accepted: IMDS needs no credentials and the value would be logged`,
    );
  }
  const base = validateBaseUrl(value);
  if (base === null) {
    throw new InvalidInput(
      'endpoint',
      `got ${shown(value)}; expected a base URL like http://127.0.0.1:8080 (http only, no path)`,
    );
  }
  return base;
}

export const RUN_INPUTS: InputGroup = {
  inputs: [
    {
      name: 'mode',
      default: 'auto',
      cli: {
        value: 'auto|vm|arc',
        help: 'which metadata service (default {default}: Arc when its agent or variables are present)',
      },
    },
    {
      name: 'endpoint',
      credential: true,
      default: '',
      cli: { value: 'URL', help: 'base URL override, e.g. http://127.0.0.1:8080 for the emulator' },
    },
    {
      name: 'timeout-seconds',
      default: '90',
      cli: { value: 'N', help: 'bound on the whole run, retries included (1-600, default {default})' },
    },
    {
      name: 'fail-on',
      default: 'error',
      cli: { value: 'error|unreachable|never', help: 'when to exit 1 (default {default})' },
    },
    {
      name: 'report-path',
      default: '',
      cli: { flag: 'report', value: 'FILE', help: 'write the JSON report to FILE' },
    },
    {
      name: 'junit-path',
      default: '',
      cli: { flag: 'junit', value: 'FILE', help: 'write JUnit XML to FILE' },
    },
    {
      name: 'ama',
      default: 'false',
      cli: { help: 'also check the endpoints the Azure Monitor Agent needs (off by default)' },
    },
  ],
  parse(read): Partial<ProbeOptions> {
    return {
      mode: oneOf<RequestedMode>('mode', read.raw('mode'), ['auto', 'vm', 'arc']),
      endpoint: endpoint(read.raw('endpoint')),
      timeoutSeconds: wholeNumber('timeout-seconds', read.raw('timeout-seconds'), 1, 600),
      failOn: oneOf<FailOn>('fail-on', read.raw('fail-on'), ['error', 'unreachable', 'never']),
      reportPath: read.raw('report-path'),
      junitPath: read.raw('junit-path'),
      ama: strictBoolean('ama', read.raw('ama')),
    };
  },
};
