// The Azure DevOps task's PlatformPort over azure-pipelines-task-lib: the only file that imports it. `import
// * as` because the default import is undefined in ncc's ESM output.
import * as tl from 'azure-pipelines-task-lib/task.js';
import {
  CREDENTIAL_INPUTS,
  toCamel,
  type ProxySetting,
  type InputName,
  type StepVerdict,
} from '../core/index.js';
import { taskCodeLink } from '../host/code-links.js';
import type { AnyPlatformPort } from '../host/port.js';
import { TASK_SPELLING } from '../host/spelling.js';
import type { CredentialInputs } from './credential-inputs.js';
import { toAgentProxy } from './agent-proxy.js';
import { writeSummaryFile } from './summary-file.js';

const RESULTS: Record<StepVerdict, tl.TaskResult> = {
  succeeded: tl.TaskResult.Succeeded,
  'succeeded-with-issues': tl.TaskResult.SucceededWithIssues,
  failed: tl.TaskResult.Failed,
};

function readProxySetting(): ProxySetting | null {
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

const isCredentialInput = (name: string): name is InputName =>
  (CREDENTIAL_INPUTS as readonly string[]).includes(name);

/** One port for both tasks (the check and the merge): inputs and outputs are read and set by name. */
export function createTaskPort(credentials: CredentialInputs, bundleUrl: string): AnyPlatformPort {
  return {
    spelling: TASK_SPELLING,
    input: (name) => (isCredentialInput(name) ? credentials[name] : tl.getInput(toCamel(name))),
    // The agent masks per line and task-lib throws on a multi-line value.
    registerSecret(value) {
      for (const line of value.split(/\r\n|\r|\n/)) if (line !== '') tl.setSecret(line);
    },
    info: (text) => console.log(text),
    debug: (text) => tl.debug(text),
    progress: (text) => console.log(text),
    annotate(level, title, lines) {
      const text = `${title}: ${lines.join(' ')}`;
      if (level === 'error') tl.error(text);
      else if (level === 'warning') tl.warning(text);
      else console.log(text);
    },
    setOutput: (name, value, secret) => tl.setVariable(toCamel(name), value, secret, true),
    async attachSummary(markdown, folder) {
      tl.uploadSummary(await writeSummaryFile(folder, markdown));
    },
    summaryFile: () => null,
    finish: (verdict, message) => tl.setResult(RESULTS[verdict], message),
    tempDir: () => tl.getVariable('Agent.TempDirectory') || undefined,
    agentProxy: readProxySetting,
    codeLink: taskCodeLink(bundleUrl),
    finishAnnotates: { failed: 'error', 'succeeded-with-issues': 'warning' },
  };
}
