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
      description:
        '`auto`, `vm` or `arc`. `auto` picks Arc when IDENTITY_ENDPOINT and IMDS_ENDPOINT are set or the Arc agent is installed, else VM.',
      task: {
        label: 'Mode',
        type: 'pickList',
        options: {
          auto: 'Auto-detect',
          vm: 'Azure VM (IMDS)',
          arc: 'Azure Arc-enabled server (Hybrid IMDS)',
        },
        help: '`auto` picks Arc when IDENTITY_ENDPOINT and IMDS_ENDPOINT are set or the Arc agent (himds) is installed, otherwise VM. The report says which signal decided.',
      },
      cli: {
        value: 'auto|vm|arc',
        help: 'which metadata service (default {default}: Arc when its agent or variables are present)',
      },
    },
    {
      name: 'endpoint',
      credential: true,
      default: '',
      description:
        'Base URL override (http://host:port, no user-info) for emulators and unusual hosts. Empty means the real IMDS or HIMDS address.',
      task: { label: 'Endpoint override', type: 'string', group: 'advanced' },
      cli: { value: 'URL', help: 'base URL override, e.g. http://127.0.0.1:8080 for the emulator' },
    },
    {
      name: 'timeout-seconds',
      default: '90',
      description:
        'Hard bound on the whole run, retries included (1-600). 90 rides out the ~70 s during which IMDS answers 410 while it is updated.',
      task: { label: 'Timeout (seconds)', type: 'string', group: 'advanced' },
      cli: { value: 'N', help: 'bound on the whole run, retries included (1-600, default {default})' },
    },
    {
      name: 'fail-on',
      default: 'error',
      description:
        '`error` fails the step when any check fails; `unreachable` only when IMDS cannot be reached; `never` never fails it.',
      task: {
        label: 'Fail the step on',
        type: 'pickList',
        options: {
          error: 'Any failed check',
          unreachable: 'Only when IMDS cannot be reached',
          never: 'Never (report only)',
        },
        help: '`error` fails the step when any requested check fails; `unreachable` only when IMDS cannot be reached; `never` only reports. A failure let through ends as Succeeded with issues. Invalid inputs always fail.',
      },
      cli: { value: 'error|unreachable|never', help: 'when to exit 1 (default {default})' },
    },
    {
      name: 'report-path',
      default: '',
      description: 'Where to write the JSON report. Empty means $RUNNER_TEMP/imds-check/report.json.',
      task: {
        label: 'JSON report path',
        type: 'string',
        help: 'Where to write the JSON report. Empty means `$(Agent.TempDirectory)/imds-check/report.json`.',
        group: 'advanced',
      },
      cli: { flag: 'report', value: 'FILE', help: 'write the JSON report to FILE' },
    },
    {
      name: 'junit-path',
      default: '',
      description: 'Also write JUnit XML here (one testcase per check). Empty means no JUnit.',
      task: {
        label: 'JUnit XML path',
        type: 'string',
        help: 'Also write JUnit XML (one test case per check) to this path, e.g. for the Publish Test Results task. Empty means no JUnit file.',
        group: 'advanced',
      },
      cli: { flag: 'junit', value: 'FILE', help: 'write JUnit XML to FILE' },
    },
    {
      name: 'ama',
      default: 'false',
      description:
        '`true` also checks the endpoints the Azure Monitor Agent must reach (DNS, proxy, TLS inspection, handler /ping). `false` sends nothing to Azure Monitor.',
      task: { label: 'Check Azure Monitor Agent endpoints', type: 'boolean', group: 'ama' },
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
