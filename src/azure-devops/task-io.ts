// The only file that imports azure-pipelines-task-lib: TaskIo over the real agent. `import * as` because the
// default import is undefined in ncc's ESM output (see conventions D).
import * as tl from 'azure-pipelines-task-lib/task.js';
import type { AgentProxy } from '../core/index.js';
import { childProcessDiagnostics } from '../host/diagnostics.js';
import type { TaskIo, TaskResultName } from './io.js';
import { toAgentProxy } from './proxy.js';

const RESULTS: Record<TaskResultName, tl.TaskResult> = {
  Succeeded: tl.TaskResult.Succeeded,
  SucceededWithIssues: tl.TaskResult.SucceededWithIssues,
  Failed: tl.TaskResult.Failed,
};

function readAgentProxy(): AgentProxy | null {
  try {
    // No request URL: we want the proxy as configured, not task-lib's regex bypass decision for one URL.
    const config = tl.getHttpProxyConfiguration();
    return config ? toAgentProxy(config.proxyUrl, config.proxyBypassHosts) : null;
  } catch (err) {
    // A bypass list that is not a JSON array makes task-lib throw; the proxy still applies to other tools.
    tl.debug(`agent proxy bypass list unreadable: ${err instanceof Error ? err.message : String(err)}`);
    return toAgentProxy(tl.getVariable('Agent.ProxyUrl'), []);
  }
}

export function createTaskIo(): TaskIo {
  return {
    getInput: (name) => tl.getInput(name),
    getVariable: (name) => tl.getVariable(name),
    setSecret: (value) => tl.setSecret(value),
    setVariable: (name, value, secret, isOutput) => tl.setVariable(name, value, secret, isOutput),
    log: (text) => console.log(text),
    debug: (text) => tl.debug(text),
    warning: (message) => tl.warning(message),
    error: (message) => tl.error(message),
    uploadSummary: (path) => tl.uploadSummary(path),
    setResult: (result, message) => tl.setResult(RESULTS[result], message),
    agentProxy: readAgentProxy,
    diagnostics: childProcessDiagnostics,
  };
}
