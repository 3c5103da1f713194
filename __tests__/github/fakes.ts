// Test doubles for the GitHub adapter: an ActionsIo that records every call in order, and report builders.
import type { ActionsIo } from '../../src/github/actions-io.js';
import type { CheckResult, DiagnosticsPort, Report } from '../../src/core/index.js';

export type IoEvent =
  | { kind: 'setSecret'; value: string }
  | { kind: 'setOutput'; name: string; value: string }
  | { kind: 'info'; text: string }
  | { kind: 'debug'; text: string }
  | { kind: 'setFailed'; text: string }
  | { kind: 'notice'; text: string; title: string | undefined }
  | { kind: 'warning'; text: string; title: string | undefined }
  | { kind: 'error'; text: string; title: string | undefined }
  | { kind: 'summary'; text: string };

export interface FakeIo extends ActionsIo {
  events: IoEvent[];
  inputs: Record<string, string>;
  failSummary: boolean;
  outputs(): Record<string, string>;
  of<K extends IoEvent['kind']>(kind: K): Extract<IoEvent, { kind: K }>[];
}

export const fakeDiagnostics: DiagnosticsPort = { run: async () => null };

export function fakeIo(inputs: Record<string, string> = {}): FakeIo {
  const events: IoEvent[] = [];
  const io: FakeIo = {
    events,
    inputs,
    failSummary: false,
    // Like core.getInput: unknown inputs are '' and values are trimmed.
    getInput: (name) => (io.inputs[name] ?? '').trim(),
    setSecret: (value) => void events.push({ kind: 'setSecret', value }),
    setOutput: (name, value) => void events.push({ kind: 'setOutput', name, value }),
    info: (text) => void events.push({ kind: 'info', text }),
    debug: (text) => void events.push({ kind: 'debug', text }),
    notice: (text, title) => void events.push({ kind: 'notice', text, title }),
    warning: (text, title) => void events.push({ kind: 'warning', text, title }),
    error: (text, title) => void events.push({ kind: 'error', text, title }),
    setFailed: (text) => void events.push({ kind: 'setFailed', text }),
    async writeSummary(text) {
      if (io.failSummary) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
      events.push({ kind: 'summary', text });
    },
    diagnostics: fakeDiagnostics,
    outputs() {
      return Object.fromEntries(io.of('setOutput').map((e) => [e.name, e.value]));
    },
    of(kind) {
      return events.filter((e) => e.kind === kind) as never;
    },
  };
  return io;
}

export function check(
  id: CheckResult['id'],
  status: CheckResult['status'],
  code: string,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    title: `The ${id} check`,
    status,
    code,
    message: `${id} said ${code}`,
    remediation: status === 'pass' || status === 'skip' ? '' : `fix ${code}`,
    durationMs: 3,
    attempts: 1,
    httpStatus: status === 'skip' ? null : 200,
    outcome: status === 'skip' ? 'skipped' : '200',
    ...extra,
  };
}

export function report(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: '1.0.0' },
    startedAt: '2026-11-25T18:00:00.000Z',
    durationMs: 12,
    mode: { requested: 'auto', resolved: 'vm', signal: 'default-vm' },
    endpoint: 'http://127.0.0.1:9',
    result: 'pass',
    reachable: true,
    failOn: 'error',
    checks: [
      check('environment', 'pass', 'ok'),
      check('reachability', 'pass', 'ok'),
      check('metadata', 'pass', 'ok'),
      check('token', 'pass', 'ok'),
    ],
    machine: {
      vmId: 'vm-guid',
      name: 'vm1',
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
      subscriptionId: 's',
      resourceGroup: 'rg',
      location: 'westeurope',
      azEnvironment: 'AzurePublicCloud',
      vmSize: 'Standard_D2s_v5',
      osType: 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: 'oid-guid',
      tenantId: 'tid-guid',
      appId: 'app-guid',
      audience: 'https://management.azure.com/',
      expiresOn: '2026-11-25T19:00:00Z',
      tokenType: 'Bearer',
    },
    ...overrides,
  };
}
