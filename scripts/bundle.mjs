// Rebuilds every committed bundle with ncc: dist/ (GitHub Action), dist/azure-devops/ (task), dist/cli/ (CLI),
// and the merge's dist/merge/ (action) and dist/azure-devops-merge/ (task).
// ncc output is deterministic, so CI can rebuild and diff. Each bundle is built in a scratch folder and then
// renamed into place file by file, so a process running a bundle never sees a half-written or missing file.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

// ncc's own API rather than its command line: only the API takes externals with a replacement (below).
const ncc = createRequire(import.meta.url)('@vercel/ncc');

// @actions/core imports @actions/http-client (and through it undici, about 1 MB of the 1.3 MB Action bundle)
// only for getIDToken, and @actions/exec only for platform.getDetails. imds-check calls neither, yet a bundle
// evaluates every import at start-up: about 30 ms of every Action run (BENCHMARKS.md). So both resolve to a
// small stand-in written next to each bundle that needs it, which throws if a later change ever calls them.
const UNUSED_IDS = ['@actions/http-client', '@actions/http-client/lib/auth', '@actions/exec'];
const UNUSED_FILE = 'unused-by-imds-check.cjs';
const UNUSED_SOURCE = [
  "'use strict';",
  '// Stand-in for @actions/http-client and @actions/exec, which @actions/core imports only for getIDToken and',
  '// platform.getDetails. imds-check calls neither; see scripts/bundle.mjs.',
  'const unused = (name) => function () {',
  '  throw new Error(`${name} is not bundled with imds-check (getIDToken, platform.getDetails)`);',
  '};',
  "exports.HttpClient = unused('@actions/http-client');",
  "exports.BearerCredentialHandler = unused('@actions/http-client');",
  "exports.exec = unused('@actions/exec');",
  "exports.getExecOutput = unused('@actions/exec');",
  '',
].join('\n');

// The GitHub runner starts `node dist/index.js` for every step and a shell starts the CLI for every check: a
// CommonJS bundle skips Node's ESM loader (a dozen internal modules and fs/promises with readline, about 3-4 ms
// per run, BENCHMARKS.md). The task bundles stay ESM: their package is checked as ESM and they read the
// packaged link file next to them through import.meta.url.
const COMMONJS = new Set(['dist', 'dist/merge', 'dist/cli']);

function nccOptions(commonjs) {
  return {
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
    externals: Object.fromEntries(UNUSED_IDS.map((id) => [id, `./${UNUSED_FILE}`])),
    ...(commonjs ? { esm: false } : {}),
  };
}

/** `ncc build entry -o dir` through the API: the bundle, its chunks and assets, with ncc's file modes. */
async function build(entry, dir, commonjs) {
  const { code, assets, symlinks } = await ncc(resolve(entry), nccOptions(commonjs));
  writeFileSync(join(dir, 'index.js'), code, { mode: code.startsWith('#!') ? 0o777 : 0o666 });
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), asset.source, { mode: asset.permissions });
  }
  for (const [name, target] of Object.entries(symlinks ?? {})) symlinkSync(target, join(dir, name));
  const sources = [code, ...Object.values(assets).map((asset) => String(asset.source))];
  if (sources.some((text) => text.includes(`"./${UNUSED_FILE}"`)))
    writeFileSync(join(dir, UNUSED_FILE), UNUSED_SOURCE);
  // The repository's package.json says "module"; this one makes index.js CommonJS wherever dist/ travels.
  if (commonjs)
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

const entries = [
  ['src/github/index.ts', 'dist'],
  ['src/azure-devops/index.ts', 'dist/azure-devops'],
  ['src/cli/index.ts', 'dist/cli'],
  // The fleet merge: merge/action.yml runs dist/merge, the ImdsCheckMerge task dist/azure-devops-merge.
  ['src/github/merge-action.ts', 'dist/merge'],
  ['src/azure-devops/merge-task.ts', 'dist/azure-devops-merge'],
];
const only = process.argv.slice(2);
mkdirSync('build', { recursive: true });
for (const [entry, out] of entries) {
  if (only.length > 0 && !only.some((o) => entry.includes(o))) continue;
  if (!existsSync(entry)) {
    console.log(`skip ${entry} (not present yet)`);
    continue;
  }
  const scratch = mkdtempSync(join('build', 'bundle-'));
  try {
    await build(entry, scratch, COMMONJS.has(out));
    if (entry.startsWith('src/cli')) {
      // The bundle runs through a small loader with a V8 code cache (scripts/cli-loader.cjs).
      renameSync(join(scratch, 'index.js'), join(scratch, 'imds-check.cjs'));
      const loader = join(scratch, 'index.js');
      writeFileSync(loader, readFileSync('scripts/cli-loader.cjs', 'utf8'));
      chmodSync(loader, 0o755);
    }
    mkdirSync(out, { recursive: true });
    const built = new Set(readdirSync(scratch));
    for (const name of built) renameSync(join(scratch, name), join(out, name));
    // Files of the previous build that this one no longer has (lazy chunks such as 566.index.js), not nested bundles.
    for (const file of readdirSync(out, { withFileTypes: true }))
      if (file.isFile() && !built.has(file.name)) rmSync(join(out, file.name));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`bundled ${entry} -> ${out}/index.js`);
}

// The emulator as a library (dist/emulator: one ESM file and its type declarations), for `imds-check/emulator`.
if (only.length === 0 || only.some((o) => 'src/emulator'.includes(o) || o === 'emulator')) {
  execFileSync(process.execPath, ['scripts/bundle-emulator.mjs'], { stdio: 'inherit' });
}
