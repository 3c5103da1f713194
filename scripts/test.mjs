// `npm test`: type-check everything, obtain Node 24 for the bundle tests, then run jest (ESM needs
// --experimental-vm-modules). Extra arguments go to jest, e.g. `npm test -- __tests__/core`.
// Node and the tools' own entry files are run directly (no npx, no shell), so this works on Windows too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode24 } from './node24.mjs';
import { ensureWindowsNode, startWineServer, stopWineServer } from './windows/node.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tool = (path) => join(root, 'node_modules', path);
const run = (args, env = process.env) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: root }).status ?? 1;

if (run([tool('typescript/bin/tsc'), '-p', 'tsconfig.test.json', '--noEmit']) !== 0) {
  console.error('type-check failed');
  process.exit(1);
}

const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', NODE_NO_WARNINGS: '1' };
const node24 = ensureNode24();
if ('path' in node24) {
  env.IMDS_CHECK_NODE24 = node24.path;
  const shown = node24.path === process.execPath ? 'this process' : relative(root, node24.path);
  console.log(`Node 24 leg: ${shown}`);
} else {
  // The harnesses stay quiet about it (this line said it) and, on CI, fail unless the platform cannot have it.
  delete env.IMDS_CHECK_NODE24;
  env.IMDS_CHECK_NODE24_SKIPPED = node24.skipped;
  console.log(`Node 24 leg skipped: ${node24.skipped}`);
}

// The Windows leg (__tests__/windows): the Windows build of Node under Wine, where wine64 is installed.
const paths = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (folder) => paths.length === 0 || paths.some((p) => p.includes(folder));
let windows = null;
if (wanted('windows')) {
  windows = ensureWindowsNode();
  if ('path' in windows) {
    env.IMDS_CHECK_WINDOWS_NODE = windows.path;
    delete env.IMDS_CHECK_WINDOWS_SKIPPED;
    console.log(`Windows leg: node ${windows.node} (win32) under ${windows.wine}`);
    mkdirSync(join(root, 'build'), { recursive: true });
    writeFileSync(
      join(root, 'build', 'windows-leg.json'),
      `${JSON.stringify({ wine: windows.wine, node: windows.node })}\n`,
    );
    startWineServer(windows);
    if (process.getuid?.() !== 0)
      console.log('Windows leg: its namespace cases need root (run: sudo npm test -- __tests__/windows)');
  } else {
    delete env.IMDS_CHECK_WINDOWS_NODE;
    env.IMDS_CHECK_WINDOWS_SKIPPED = windows.skipped;
    rmSync(join(root, 'build', 'windows-leg.json'), { force: true });
    console.log(`Windows leg skipped: ${windows.skipped}`);
  }
}

// The namespace suite (__tests__/netns) needs root on Linux and skips itself otherwise; jest shows no output of
// a skipped file, so its reason is said here.
if (wanted('netns') && process.getuid?.() !== 0)
  console.log('Namespace suite skipped: needs root on Linux (run: sudo npm test -- __tests__/netns)');

const args = [tool('jest/bin/jest.js'), ...process.argv.slice(2)];
if (process.env.JEST_JSON_OUTPUT) args.push('--json', `--outputFile=${process.env.JEST_JSON_OUTPUT}`);
const status = run(args, env);
if (windows && 'path' in windows) stopWineServer(windows);
process.exit(status);
