// The GitHub Action's PlatformPort over @actions/core: the only file that touches the runner's library.
import * as core from '@actions/core';
import { ACTION_SPELLING } from '../host/spelling.js';
import { actionCodeLink } from '../host/code-links.js';
import type { AnyPlatformPort } from '../host/port.js';

const ANNOTATE = { error: core.error, warning: core.warning, notice: core.notice } as const;

/** One port for both actions (the check and the merge): inputs and outputs are read and set by name. */
export function createGitHubPort(env: NodeJS.ProcessEnv = process.env): AnyPlatformPort {
  return {
    spelling: ACTION_SPELLING,
    // core.getInput reads INPUT_<NAME> and echoes nothing, so a credential in an input is never printed.
    input: (name) => core.getInput(name),
    registerSecret: (value) => core.setSecret(value),
    info: (text) => core.info(text),
    debug: (text) => core.debug(text),
    progress: (text) => core.info(text),
    annotate: (level, title, lines) => ANNOTATE[level](lines.join('\n'), { title }),
    setOutput: (name, value) => core.setOutput(name, value),
    async attachSummary(markdown) {
      // Outside a runner that keeps summaries nothing asked for one.
      if (!env['GITHUB_STEP_SUMMARY']) return;
      try {
        // Our own line end: addEOL would add os.EOL, a lone CRLF after LF lines on Windows.
        await core.summary.addRaw(`${markdown}\n`).write();
      } catch (err) {
        // A failed write leaves the buffer full; the next write would repeat it.
        core.summary.emptyBuffer();
        throw err;
      }
    },
    summaryFile: () => env['GITHUB_STEP_SUMMARY'] || null,
    finish: (verdict, message) => {
      if (verdict === 'failed') core.setFailed(message);
    },
    tempDir: () => env['RUNNER_TEMP'] || undefined,
    agentProxy: () => null,
    codeLink: actionCodeLink(env),
    finishAnnotates: { failed: 'error' },
  };
}
