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
// only for getIDToken, and @actions/exec only for platform.getDetails. imds-check calls neither, yet an ESM
// bundle evaluates every import at start-up: about 30 ms of every Action run (BENCHMARKS.md). So each of
// them resolves to this small module instead (an inline data: URL, readable in the bundle), which throws if a
// later change ever calls them. One line, without '#' or '%', so the URL is the source text as written.
const UNUSED_BY_IMDS_CHECK = [
  "const unused = (name) => function () { throw new Error(name + ' is not bundled with imds-check: it never calls getIDToken or platform.getDetails'); };",
  "export const HttpClient = unused('@actions/http-client');",
  "export const BearerCredentialHandler = unused('@actions/http-client');",
  "export const exec = unused('@actions/exec');",
  "export const getExecOutput = unused('@actions/exec');",
].join(' ');
if (/[#%\r\n]/.test(UNUSED_BY_IMDS_CHECK))
  throw new Error('the stand-in module must be one line without # or %');
const UNUSED_MODULE = `data:text/javascript,${UNUSED_BY_IMDS_CHECK}`;
const NCC_OPTIONS = {
  license: 'licenses.txt',
  quiet: true,
  target: 'es2022',
  externals: Object.fromEntries(
    ['@actions/http-client', '@actions/http-client/lib/auth', '@actions/exec'].map((id) => [
      id,
      UNUSED_MODULE,
    ]),
  ),
};

/** `ncc build entry -o dir` through the API: the bundle, its chunks and assets, with ncc's file modes. */
async function build(entry, dir) {
  const { code, assets, symlinks } = await ncc(resolve(entry), NCC_OPTIONS);
  writeFileSync(join(dir, 'index.js'), code, { mode: code.startsWith('#!') ? 0o777 : 0o666 });
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), asset.source, { mode: asset.permissions });
  }
  for (const [name, target] of Object.entries(symlinks ?? {})) symlinkSync(target, join(dir, name));
}

const entries = [
  ['src/github/index.ts', 'dist'],
  ['src/azure-devops/index.ts', 'dist/azure-devops'],
  ['src/cli/index.ts', 'dist/cli'],
  // The fleet merge: merge/action.yml runs dist/merge, the ImdsCheckMerge task dist/azure-devops-merge.
  ['src/github/merge.ts', 'dist/merge'],
  ['src/azure-devops/merge.ts', 'dist/azure-devops-merge'],
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
    await build(entry, scratch);
    if (entry.startsWith('src/cli')) {
      const file = join(scratch, 'index.js');
      const code = readFileSync(file, 'utf8');
      if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
      chmodSync(file, 0o755);
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
