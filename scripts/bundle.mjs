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
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

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
    execFileSync(
      'npx',
      ['ncc', 'build', entry, '-o', scratch, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
      { stdio: 'inherit' },
    );
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
