export const id = 86;
export const ids = [86];
export const modules = {

/***/ 4086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createTaskPort: () => (/* binding */ createTaskPort)
});

// EXTERNAL MODULE: ./node_modules/azure-pipelines-task-lib/task.js
var task = __webpack_require__(358);
// EXTERNAL MODULE: ./src/core/index.ts + 51 modules
var core = __webpack_require__(8762);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/host/code-links.ts
// Where each code is documented: docs/errors.md, section `#<code>`. A released action or task links to its
// own version's file on GitHub; anything else names the path in the repository.


const ERRORS_DOC = 'docs/errors.md';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REF = /^[A-Za-z0-9_.\/-]+$/;
const pathLink = (code) => `${ERRORS_DOC}#${code}`;
/**
 * GitHub: the action's own repository and ref (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF) when set. A local
 * action (`uses: ./…`) has neither: it lives in the workflow's repository at the commit being built, so the
 * link is that commit's file, at the action's folder inside the workspace.
 */
function actionCodeLink(env) {
    const server = /^https:\/\/[A-Za-z0-9.-]+$/.test(env['GITHUB_SERVER_URL'] ?? '')
        ? env['GITHUB_SERVER_URL']
        : 'https://github.com';
    const repo = env['GITHUB_ACTION_REPOSITORY'] ?? '';
    const ref = env['GITHUB_ACTION_REF'] ?? '';
    if (REPOSITORY.test(repo) && REF.test(ref))
        return (code) => `${server}/${repo}/blob/${ref}/${ERRORS_DOC}#${code}`;
    const workflowRepo = env['GITHUB_REPOSITORY'] ?? '';
    const sha = env['GITHUB_SHA'] ?? '';
    const folder = localActionFolder(env['GITHUB_WORKSPACE'], env['GITHUB_ACTION_PATH']);
    if (repo === '' && REPOSITORY.test(workflowRepo) && /^[0-9a-f]{40}$/.test(sha) && folder !== null) {
        const prefix = folder === '' ? '' : `${folder}/`;
        return (code) => `${server}/${workflowRepo}/blob/${sha}/${prefix}${ERRORS_DOC}#${code}`;
    }
    return pathLink;
}
/** The action's folder relative to the workspace ('' at its root), or null when it is not inside it. */
function localActionFolder(workspace, actionPath) {
    if (!workspace || !actionPath)
        return null;
    const rel = relative(workspace, actionPath).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel) || !/^[A-Za-z0-9_.\/-]*$/.test(rel))
        return null;
    return rel;
}
/**
 * Azure DevOps: the packaged task carries `imds-check.json` ({"errorsDoc": "https://…/docs/errors.md"}, written
 * from the extension manifest's repository link) in its folder; the bundle looks next to itself and above.
 */
function taskCodeLink(bundleUrl) {
    for (const relative of ['./imds-check.json', '../imds-check.json', '../../imds-check.json']) {
        try {
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(new URL(relative, bundleUrl), 'utf8'));
            const doc = parsed?.errorsDoc;
            if (typeof doc === 'string' && /^https:\/\/[^\s#?]+\/docs\/errors\.md$/.test(doc))
                return (code) => `${doc}#${code}`;
        }
        catch {
            // not packaged (a checkout or a test): the next place, then the repository path
        }
    }
    return pathLink;
}

;// CONCATENATED MODULE: ./src/host/spelling.ts
// How each front door spells an input, for messages and advice: the engine is told, it never guesses.

const ACTION_SPELLING = {
    name: (input) => input,
    assignment: (input, value) => `${input}: ${value}`,
};
const TASK_SPELLING = {
    name: (input) => (0,core/* toCamel */.wu)(input),
    assignment: (input, value) => `${(0,core/* toCamel */.wu)(input)}: ${value}`,
};
/** The CLI's flags are the input names, except where an input declares another (the two file flags). */
const CLI_FLAG = new Map(core/* CONTRACT_INPUTS */.Vw.map((i) => [i.name, i.cli.flag ?? i.name]));
const CLI_SPELLING = {
    name: (input) => `--${CLI_FLAG.get(input) ?? input}`,
    assignment: (input, value) => `--${CLI_FLAG.get(input) ?? input} ${value}`,
};

;// CONCATENATED MODULE: ./src/azure-devops/agent-proxy.ts
// Turns the agent proxy settings task-lib reports into the engine's ProxySetting. The engine only uses it to
// warn that other programs (AMA) would send IMDS traffic through it; imds-check never uses a proxy itself.

function toAgentProxy(proxyUrl, bypass) {
    const url = (proxyUrl ?? '').trim();
    if (url === '')
        return null;
    const list = Array.isArray(bypass)
        ? bypass.filter((b) => typeof b === 'string' && b.trim() !== '')
        : [];
    return { source: 'agent proxy', url: (0,core/* withoutUserInfo */.sl)(url), bypass: list };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/azure-devops/summary-file.ts
// Writes the Markdown summary where the agent can still read it after the step; returns its path. A second
// imds-check step in the same job gets summary-2.md and so on, so it never overwrites an attached summary.
// `wx` never follows or replaces an existing file or link.


async function writeSummaryFile(folder, markdown) {
    for (let n = 1;; n++) {
        const path = (0,external_node_path_.join)(folder, n === 1 ? 'summary.md' : `summary-${n}.md`);
        try {
            await (0,promises_.writeFile)(path, markdown, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
            return path;
        }
        catch (err) {
            if (err.code !== 'EEXIST' || n >= 1000)
                throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/azure-devops/task-port.ts
// The Azure DevOps task's PlatformPort over azure-pipelines-task-lib: the only file that imports it. `import
// * as` because the default import is undefined in ncc's ESM output.






const RESULTS = {
    succeeded: task.TaskResult.Succeeded,
    'succeeded-with-issues': task.TaskResult.SucceededWithIssues,
    failed: task.TaskResult.Failed,
};
function readProxySetting() {
    try {
        // No request URL: we want the proxy as configured, not task-lib's regex bypass decision for one URL.
        const config = task.getHttpProxyConfiguration();
        return config ? toAgentProxy(config.proxyUrl, config.proxyBypassHosts) : null;
    }
    catch (err) {
        // A bypass list that is not a JSON array makes task-lib throw; the proxy still applies to other tools.
        task.debug(`agent proxy bypass list unreadable: ${err instanceof Error ? err.message : String(err)}`);
        return toAgentProxy(task.getVariable('Agent.ProxyUrl'), []);
    }
}
const isCredentialInput = (name) => core/* CREDENTIAL_INPUTS */.ms.includes(name);
/** One port for both tasks (the check and the merge): inputs and outputs are read and set by name. */
function createTaskPort(credentials, bundleUrl) {
    return {
        spelling: TASK_SPELLING,
        input: (name) => (isCredentialInput(name) ? credentials[name] : task.getInput((0,core/* toCamel */.wu)(name))),
        // The agent masks per line and task-lib throws on a multi-line value.
        registerSecret(value) {
            for (const line of value.split(/\r\n|\r|\n/))
                if (line !== '')
                    task.setSecret(line);
        },
        info: (text) => console.log(text),
        debug: (text) => task.debug(text),
        progress: (text) => console.log(text),
        annotate(level, title, lines) {
            const text = `${title}: ${lines.join(' ')}`;
            if (level === 'error')
                task.error(text);
            else if (level === 'warning')
                task.warning(text);
            else
                console.log(text);
        },
        setOutput: (name, value, secret) => task.setVariable((0,core/* toCamel */.wu)(name), value, secret, true),
        async attachSummary(markdown, folder) {
            task.uploadSummary(await writeSummaryFile(folder, markdown));
        },
        summaryFile: () => null,
        finish: (verdict, message) => task.setResult(RESULTS[verdict], message),
        tempDir: () => task.getVariable('Agent.TempDirectory') || undefined,
        agentProxy: readProxySetting,
        codeLink: taskCodeLink(bundleUrl),
        finishAnnotates: { failed: 'error', 'succeeded-with-issues': 'warning' },
    };
}


/***/ })

};
