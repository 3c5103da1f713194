// The commands the benchmark times, each as { id, label, shown, cmd, args, env, cwd, prepare }.
// `shown` is the command as a user would type it; `prepare` resets per-run files outside the timed region.
// Where a command runs (`place`) is either the loopback emulator, { url: 'http://127.0.0.1:PORT' } (a plain
// URL string works too), or the bench's own network namespace at the real default address, { wrap } from
// netns.mjs, where the front doors run with default inputs (no endpoint).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { NODE24_BINARY } from '../node24.mjs';
import { IMDS_ADDRESS } from './netns.mjs';
import { loopbackBase, METADATA_PATH, TOKEN_PATH } from './urls.mjs';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
/** The three doors' entry files of the checkout at `root` (another build's, for --baseline). */
export const bundlesAt = (root) => ({
  cli: join(root, 'dist/cli/index.js'),
  action: join(root, 'dist/index.js'),
  ado: join(root, 'dist/azure-devops/index.js'),
});
export const BUNDLES = bundlesAt(ROOT);
/** The CLI bundle that dist/cli/index.js (a loader with a V8 code cache) starts. */
export const CLI_BUNDLE = join(ROOT, 'dist/cli/imds-check.cjs');
/** The Node 24 that `npm test` keeps under node_modules/.cache (or IMDS_CHECK_NODE24); the bench never installs. */
export const NODE24 = process.env['IMDS_CHECK_NODE24'] || NODE24_BINARY;
const HTTP_FLOOR = join(ROOT, 'scripts/bench/http-floor.cjs');
const FETCH_FLOOR = join(ROOT, 'scripts/bench/fetch-floor.mjs');

/** A path as shown: relative to this checkout when inside it, else absolute (a baseline checkout). */
const rel = (path) => (relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path));
export const bundleSize = (path) => (existsSync(path) ? statSync(path).size : undefined);

// Scratch folders of this run, removed at exit by one listener (a listener per folder would pile up), or
// earlier by removeScratch() (jest workers may end without an exit event).
const scratch = new Set();
export function removeScratch() {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch.clear();
}
process.once('exit', removeScratch);

export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.add(dir);
  return dir;
}

/** A minimal environment: no proxy variables, NODE_OPTIONS or runner state of this machine leak in. */
export const baseEnv = () => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
});

/** The place as { url } or { wrap }; a loopback URL is checked, so a bundle never gets a real address. */
const where = (place) => (typeof place === 'string' ? { url: loopbackBase(place) } : place);
const inNetns = (place) => typeof where(place).wrap === 'function';
const endpointOf = (place) => (inNetns(place) ? '' : loopbackBase(where(place).url));

function node(id, label, script, args, nodePath = process.execPath, place = undefined) {
  const argv = [nodePath, ...(script ? [script] : []), ...args];
  const [cmd, ...rest] = place && inNetns(place) ? where(place).wrap(argv) : argv;
  const runtime = nodePath === process.execPath ? 'node' : rel(nodePath);
  return {
    id,
    label,
    shown: `${runtime} ${script ? `${rel(script)} ` : ''}${args.join(' ')}`.trim(),
    cmd,
    args: rest,
    env: baseEnv(),
  };
}

export const nodeEmpty = (nodePath) =>
  node('node-e0', 'node -e 0 (startup floor)', undefined, ['-e', '0'], nodePath);

/** The start-up floor (http-floor.cjs): the loopback URL, or the default address inside the namespace. */
export function httpFloor(place, nodePath) {
  const args = inNetns(place) ? [`http://${IMDS_ADDRESS}`, '--in-bench-netns'] : [endpointOf(place)];
  return node('http', 'node:http floor (CommonJS, two GETs)', HTTP_FLOOR, args, nodePath, place);
}

export const fetchFloor = (url, nodePath) =>
  node('fetch', 'built-in fetch two GETs', FETCH_FLOOR, [loopbackBase(url)], nodePath);

/**
 * The CLI as a user runs it: `--endpoint` for the loopback emulator, no option at the default address.
 * `root`: the checkout whose build runs (this one unless --baseline names another).
 */
export function cli(place, nodePath, root = ROOT) {
  const args = inNetns(place) ? [] : ['--endpoint', endpointOf(place)];
  return node('cli', 'imds-check CLI', bundlesAt(root).cli, args, nodePath, place);
}

/** The CLI with its V8 code cache turned off: what every run costs on a machine where it cannot be kept. */
export function cliNoCache(place, nodePath) {
  const tool = cli(place, nodePath);
  return {
    ...tool,
    id: 'cli-nocache',
    label: 'imds-check CLI, no code cache',
    env: { ...tool.env, IMDS_CHECK_CODE_CACHE: '0' },
  };
}

/** curl fetching both URLs in one invocation (the connection is reused); `extra` adds timeout options. */
export function curl(url, extra = [], id = 'curl', label = 'curl, both URLs, one invocation') {
  const base = loopbackBase(url);
  const args = ['-sS', '-f', '-H', 'Metadata:true', ...extra];
  args.push('-o', '/dev/null', `${base}${METADATA_PATH}`, '-o', '/dev/null', `${base}${TOKEN_PATH}`);
  const shown = `curl -sS -f -H Metadata:true ${extra.join(' ')} -o /dev/null URL1 -o /dev/null URL2`;
  return { id, label, shown: shown.replace(/ {2,}/g, ' '), cmd: 'curl', args, env: baseEnv() };
}

const actionDefaults = (inputs) =>
  Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, String(spec?.default ?? '')]));
const taskDefaults = (inputs) =>
  Object.fromEntries(inputs.map((i) => [i.name, String(i.defaultValue ?? '')]));

/** The GitHub runner's way: INPUT_<NAME> upper-cased with hyphens kept, action.yml defaults filled in. */
export function githubAction(place, nodePath, root = ROOT) {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  const dir = scratchDir('imds-bench-gh-');
  const files = ['github_output', 'step_summary', 'github_state'].map((name) => join(dir, name));
  const [output, summary, state] = files;
  const env = { ...baseEnv(), GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_STATE: state };
  env.RUNNER_TEMP = join(dir, 'runner-temp');
  env.GITHUB_WORKSPACE = join(dir, 'workspace');
  mkdirSync(env.RUNNER_TEMP);
  mkdirSync(env.GITHUB_WORKSPACE);
  const inputs = { ...actionDefaults(action.inputs), endpoint: endpointOf(place) };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const endpoint = inNetns(place) ? 'action.yml defaults' : 'INPUT_ENDPOINT=<emulator>, action.yml defaults';
  const command = node('action', 'GitHub Action bundle', bundlesAt(root).action, [], nodePath, place);
  return {
    ...command,
    shown: `${command.shown} (${endpoint}, runner files)`,
    env,
    cwd: env.GITHUB_WORKSPACE,
    prepare: () => files.forEach((file) => writeFileSync(file, '')),
  };
}

/** The Azure Pipelines agent's way: INPUT_<NAME> upper-cased (camelCase names), task.json defaults. */
export function azureDevOpsTask(place, nodePath, root = ROOT) {
  const task = JSON.parse(readFileSync(join(root, 'task.json'), 'utf8'));
  const dir = scratchDir('imds-bench-ado-');
  const env = { ...baseEnv(), HOME: dir, AGENT_TEMPDIRECTORY: join(dir, '_temp') };
  env.AGENT_WORKFOLDER = join(dir, '_work');
  env.SYSTEM_DEFAULTWORKINGDIRECTORY = join(dir, '_work', 's');
  for (const d of [env.AGENT_TEMPDIRECTORY, env.SYSTEM_DEFAULTWORKINGDIRECTORY])
    mkdirSync(d, { recursive: true });
  const inputs = { ...taskDefaults(task.inputs), endpoint: endpointOf(place) };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const endpoint = inNetns(place) ? 'task.json defaults' : 'INPUT_ENDPOINT=<emulator>, task.json defaults';
  const command = node('ado', 'Azure DevOps task bundle', bundlesAt(root).ado, [], nodePath, place);
  return {
    ...command,
    shown: `${command.shown} (${endpoint}, agent folders)`,
    env,
    cwd: env.SYSTEM_DEFAULTWORKINGDIRECTORY, // task-lib writes .taskkey into the working directory
  };
}
