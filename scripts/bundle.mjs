// Rebuilds every committed bundle with ncc: dist/ (GitHub Action), dist/azure-devops/ (task), dist/cli/ (CLI).
// ncc output is deterministic, so CI can rebuild and diff.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

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
  for (const f of ['index.js', 'licenses.txt', 'package.json']) rmSync(`${out}/${f}`, { force: true });
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
