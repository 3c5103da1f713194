// The only file that touches @actions/core and @actions/exec: everything main.ts needs from the runner,
// behind the ActionsIo interface so unit tests can use a fake.
import * as core from '@actions/core';
import { getExecOutput } from '@actions/exec';
import type { DiagnosticsPort } from '../core/index.js';

export interface ActionsIo {
  getInput(name: string): string;
  /** Emits `::add-mask::` for the value; must happen before the value could be printed. */
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  info(text: string): void;
  debug(text: string): void;
  notice(message: string, title?: string): void;
  warning(message: string, title?: string): void;
  error(message: string, title?: string): void;
  setFailed(message: string): void;
  /** Appends markdown to the step summary. On failure the buffer is emptied (nothing leaks into a later write) and the error rethrown. */
  writeSummary(markdown: string): Promise<void>;
  diagnostics: DiagnosticsPort;
}

/**
 * Read-only diagnostics commands through @actions/exec: silent (nothing printed while the engine runs),
 * non-zero exits are answers, a missing command or a timeout is `null`. @actions/exec cannot kill the child,
 * so on timeout we stop waiting; the commands we run (`systemctl is-active`) end on their own.
 */
export const execDiagnostics: DiagnosticsPort = {
  async run(command, args, timeoutMs) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      const finished = getExecOutput(command, args, {
        silent: true,
        ignoreReturnCode: true,
        delay: 1000,
      }).then((r) => ({
        exitCode: r.exitCode,
        stdout: r.stdout,
      }));
      return await Promise.race([finished, timedOut]);
    } catch {
      return null; // "Unable to locate executable file" and spawn errors: the command is not there
    } finally {
      clearTimeout(timer);
    }
  },
};

const titled = (title: string | undefined): core.AnnotationProperties =>
  title === undefined ? {} : { title };

export function createActionsIo(): ActionsIo {
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    info: (text) => core.info(text),
    debug: (text) => core.debug(text),
    notice: (message, title) => core.notice(message, titled(title)),
    warning: (message, title) => core.warning(message, titled(title)),
    error: (message, title) => core.error(message, titled(title)),
    setFailed: (message) => core.setFailed(message),
    async writeSummary(markdown) {
      try {
        await core.summary.addRaw(markdown, true).write();
      } catch (err) {
        core.summary.emptyBuffer();
        throw err;
      }
    },
    diagnostics: execDiagnostics,
  };
}
