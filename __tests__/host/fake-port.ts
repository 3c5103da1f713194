// A recording PlatformPort, shaped like the GitHub port or the Azure DevOps port (spelling, which verdicts
// annotate themselves), and report builders with Azure-shaped values. No module mocks.
import { check as checkResult, passingReport, reportWith } from '../helpers/report-factory.js';
import type { CheckResult, Report } from '../../src/core/index.js';
import type { AnnotationLevel, PlatformPort } from '../../src/host/port.js';
import { ACTION_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';

export type PortEvent =
  | { kind: 'secret'; value: string }
  | { kind: 'output'; name: string; value: string; secret: boolean }
  | { kind: 'info'; text: string }
  | { kind: 'debug'; text: string }
  | { kind: 'progress'; text: string }
  | { kind: 'annotate'; level: AnnotationLevel; title: string; lines: string[] }
  | { kind: 'summary'; text: string; folder: string }
  | { kind: 'finish'; verdict: string; message: string };

export type Flavour = 'github' | 'azure-devops';

export interface FakePort extends PlatformPort {
  flavour: Flavour;
  events: PortEvent[];
  inputs: Record<string, string>;
  temp: string | undefined;
  failSummary: boolean;
  /** The GitHub step summary file the port reports (null: none, or the report folder on Azure DevOps). */
  summaryPath: string | null;
  outputs(): Record<string, string>;
  of<K extends PortEvent['kind']>(kind: K): Extract<PortEvent, { kind: K }>[];
}

/** `inputs` are keyed by contract (kebab-case) names; the fake answers `input(name)` from them. */
export function fakePort(flavour: Flavour, inputs: Record<string, string> = {}, temp?: string): FakePort {
  const events: PortEvent[] = [];
  const port: FakePort = {
    flavour,
    events,
    inputs,
    temp,
    failSummary: false,
    summaryPath: null,
    spelling: flavour === 'github' ? ACTION_SPELLING : TASK_SPELLING,
    input: (name) => port.inputs[name],
    registerSecret: (value) => void events.push({ kind: 'secret', value }),
    info: (text) => void events.push({ kind: 'info', text }),
    debug: (text) => void events.push({ kind: 'debug', text }),
    progress: (text) => void events.push({ kind: 'progress', text }),
    annotate: (level, title, lines) => void events.push({ kind: 'annotate', level, title, lines }),
    setOutput: (name, value, secret) => void events.push({ kind: 'output', name, value, secret }),
    async attachSummary(text, folder) {
      if (port.failSummary) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
      events.push({ kind: 'summary', text, folder });
    },
    summaryFile: () => port.summaryPath,
    finish: (verdict, message) => void events.push({ kind: 'finish', verdict, message }),
    tempDir: () => port.temp,
    agentProxy: () =>
      flavour === 'azure-devops'
        ? { source: 'agent proxy', url: 'http://proxy.corp:8080', bypass: ['example\\.com'] }
        : null,
    codeLink: (code) => `https://docs.example/errors.md#${code}`,
    finishAnnotates:
      flavour === 'github' ? { failed: 'error' } : { failed: 'error', 'succeeded-with-issues': 'warning' },
    outputs() {
      return Object.fromEntries(port.of('output').map((e) => [e.name, e.value]));
    },
    of(kind) {
      return events.filter((e) => e.kind === kind) as never;
    },
  };
  return port;
}

const BASE = passingReport();
export const GUIDS = {
  vm: BASE.machine.vmId,
  sub: BASE.machine.subscriptionId,
  oid: BASE.identity.principalId,
  tid: BASE.identity.tenantId,
  app: BASE.identity.appId,
};

/** A check result whose message and fix name its code (`metadata said metadata_gone`). */
export function check(
  id: CheckResult['id'],
  status: CheckResult['status'],
  code: string,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return checkResult(id, {
    title: `The ${id} check`,
    status,
    code: code as CheckResult['code'],
    message: `${id} said ${code}`,
    remediation: status === 'pass' || status === 'skip' ? '' : `fix ${code}`,
    durationMs: 3,
    httpStatus: status === 'skip' ? null : 200,
    outcome: status === 'skip' ? 'skipped' : '200',
    ...extra,
  });
}

/** The shared passing report with these four checks, and the fields given replaced. */
export function report(overrides: Partial<Report> = {}): Report {
  return reportWith({
    checks: [
      check('environment', 'pass', 'ok'),
      check('reachability', 'pass', 'ok'),
      check('metadata', 'pass', 'ok'),
      check('token', 'pass', 'ok'),
    ],
    ...overrides,
  });
}

/** A JWT-shaped token (header.payload.signature, payload a JSON object). */
export const TOKEN = `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.${Buffer.from(
  `{"oid":"${GUIDS.oid}"}`,
).toString('base64url')}.c2lnbmF0dXJlLXZhbHVlLXRoYXQtaXMtbG9uZw`;
