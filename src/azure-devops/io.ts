// What the task needs from the Azure Pipelines agent, as an interface: task-io.ts implements it with
// azure-pipelines-task-lib, unit tests with a fake. Nothing here imports the platform library.
import type { AgentProxy, DiagnosticsPort } from '../core/index.js';

export type TaskResultName = 'Succeeded' | 'SucceededWithIssues' | 'Failed';

export interface TaskIo {
  /** The raw input value (untrimmed, undefined when unset), as `tl.getInput(name)`. */
  getInput(name: string): string | undefined;
  /** An agent variable such as `Agent.TempDirectory`. */
  getVariable(name: string): string | undefined;
  /** Emits `##vso[task.setsecret]`; the value must be a single line. */
  setSecret(value: string): void;
  setVariable(name: string, value: string, secret: boolean, isOutput: boolean): void;
  /** A plain log line (or several). */
  log(text: string): void;
  debug(text: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Attaches a Markdown file to the run's Extensions tab. */
  uploadSummary(path: string): void;
  setResult(result: TaskResultName, message: string): void;
  /** The agent's own proxy (Agent.ProxyUrl / Agent.ProxyBypassList), or null. */
  agentProxy(): AgentProxy | null;
  diagnostics: DiagnosticsPort;
}
