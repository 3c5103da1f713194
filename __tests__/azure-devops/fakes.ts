// Test doubles for the Azure DevOps adapter: a TaskIo that records every call in order, and report builders.
import type { AgentProxy, CheckResult, DiagnosticsPort, Report } from '../../src/core/index.js';
// The report builders are shared with the GitHub adapter's tests.
import { check, report } from '../github/fakes.js';
import type { TaskIo, TaskResultName } from '../../src/azure-devops/io.js';

export type TaskEvent =
  | { kind: 'setSecret'; value: string }
  | { kind: 'setVariable'; name: string; value: string; secret: boolean; isOutput: boolean }
  | { kind: 'log'; text: string }
  | { kind: 'debug'; text: string }
  | { kind: 'warning'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'uploadSummary'; path: string }
  | { kind: 'setResult'; result: TaskResultName; message: string };

export interface FakeTaskIo extends TaskIo {
  events: TaskEvent[];
  inputs: Record<string, string | undefined>;
  variables: Record<string, string | undefined>;
  proxy: AgentProxy | null;
  inputReads: string[];
  of<K extends TaskEvent['kind']>(kind: K): Extract<TaskEvent, { kind: K }>[];
  outputVariables(): Record<string, string>;
  result(): Extract<TaskEvent, { kind: 'setResult' }>;
}

export { check, report };

export const fakeDiagnostics: DiagnosticsPort = { run: async () => null };

export function fakeTaskIo(
  inputs: Record<string, string | undefined> = {},
  variables: Record<string, string> = {},
): FakeTaskIo {
  const events: TaskEvent[] = [];
  const io: FakeTaskIo = {
    events,
    inputs,
    variables,
    proxy: null,
    inputReads: [],
    // Like tl.getInput: no trimming, undefined when the agent passed nothing.
    getInput: (name) => {
      io.inputReads.push(name);
      return io.inputs[name];
    },
    getVariable: (name) => io.variables[name],
    setSecret: (value) => {
      // Like tl.setSecret: a multi-line value throws.
      if (/[\r\n]/.test(value)) throw new Error('Multi-line secret not allowed');
      events.push({ kind: 'setSecret', value });
    },
    setVariable: (name, value, secret, isOutput) =>
      void events.push({ kind: 'setVariable', name, value, secret, isOutput }),
    log: (text) => void events.push({ kind: 'log', text }),
    debug: (text) => void events.push({ kind: 'debug', text }),
    warning: (text) => void events.push({ kind: 'warning', text }),
    error: (text) => void events.push({ kind: 'error', text }),
    uploadSummary: (path) => void events.push({ kind: 'uploadSummary', path }),
    setResult: (result, message) => void events.push({ kind: 'setResult', result, message }),
    agentProxy: () => io.proxy,
    diagnostics: fakeDiagnostics,
    of(kind) {
      return events.filter((e) => e.kind === kind) as never;
    },
    outputVariables() {
      return Object.fromEntries(io.of('setVariable').map((e) => [e.name, e.value]));
    },
    result() {
      const results = io.of('setResult');
      if (results.length !== 1) throw new Error(`expected exactly one setResult, got ${results.length}`);
      return results[0]!;
    },
  };
  return io;
}

/** A report whose result follows its checks, as the engine computes it. */
export function reportWith(checks: CheckResult[], extra: Partial<Report> = {}): Report {
  const result = checks.some((c) => c.status === 'fail')
    ? 'fail'
    : checks.some((c) => c.status === 'warn')
      ? 'warn'
      : 'pass';
  return report({ checks, result, ...extra });
}
