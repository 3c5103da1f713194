// Rebuilds every committed bundle with ncc: dist/ (GitHub Action), dist/azure-devops/ (task), dist/cli/ (CLI).
// ncc output is deterministic, so CI can rebuild and diff.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const entries = [
  ['src/github/index.ts', 'dist'],
  ['src/azure-devops/index.ts', 'dist/azure-devops'],
  ['src/cli/index.ts', 'dist/cli'],
];
const only = process.argv.slice(2);
for (const [entry, out] of entries) {
  if (only.length > 0 && !only.some((o) => entry.includes(o))) continue;
  if (!existsSync(entry)) {
    console.log(`skip ${entry} (not present yet)`);
    continue;
  }
  // Clear the files of the previous build (lazy chunks such as 566.index.js included), not nested bundles.
  if (existsSync(out)) {
    for (const entry of readdirSync(out, { withFileTypes: true }))
      if (entry.isFile()) rmSync(`${out}/${entry.name}`);
  }
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
    {
      stdio: 'inherit',
    },
  );
  if (entry.startsWith('src/cli')) {
    const file = `${out}/index.js`;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
  console.log(`bundled ${entry} -> ${out}/index.js`);
}
