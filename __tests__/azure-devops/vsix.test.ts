// `npm run package:ado -- <dir> --allow-placeholders` builds the extension offline with the manifest's own
// publisher and repository (placeholders, allowed for tests only); the VSIX holds the task folder with
// task.json and the committed bundle at the execution target path, consistent versions, and no node_modules.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, scratchDir } from './agent-harness.js';
import { readZip } from './zip-reader.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const task = JSON.parse(readFileSync(join(repoRoot, 'task.json'), 'utf8'));
let outDir: string;
let vsix: ReturnType<typeof readZip>;
let vsixPath: string;

beforeAll(() => {
  outDir = scratchDir('ado-vsix-');
  const script = join(repoRoot, 'scripts', 'package-ado.mjs');
  execFileSync(process.execPath, [script, outDir, '--allow-placeholders'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  const built = readdirSync(outDir).filter((f) => f.endsWith('.vsix'));
  expect(built).toEqual([`imds-check.imds-check-${pkg.version}.vsix`]);
  vsixPath = join(outDir, built[0]!);
  vsix = readZip(vsixPath);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the .vsix', () => {
  const names = (): string[] => vsix.entries.map((e) => e.name);

  it('holds the manifests, icons, overview and the task folder with task.json and the bundle', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'extension.vsixmanifest',
        'extension.vsomanifest',
        'images/icon.png',
        'overview.md',
        'ImdsCheckV1/task.json',
        'ImdsCheckV1/icon.png',
        'ImdsCheckV1/dist/azure-devops/index.js',
        'ImdsCheckV1/dist/azure-devops/licenses.txt',
        'ImdsCheckV1/dist/azure-devops/package.json',
        // The fleet merge task: its task.json from merge/, its bundle from the repository's dist/.
        'ImdsCheckMergeV1/task.json',
        'ImdsCheckMergeV1/dist/azure-devops-merge/index.js',
        'ImdsCheckMergeV1/dist/azure-devops-merge/package.json',
      ]),
    );
  });

  it('gives each task the link to docs/errors.md at the packaged version, which the task reads for code links', () => {
    const ext = JSON.parse(readFileSync(join(repoRoot, 'vss-extension.json'), 'utf8')) as {
      version: string;
      repository: { uri: string };
    };
    const expected = `${ext.repository.uri.replace(/\/$/, '')}/blob/v${ext.version.split('.')[0]}/docs/errors.md`;
    for (const folder of ['ImdsCheckV1', 'ImdsCheckMergeV1'])
      expect(JSON.parse(vsix.read(`${folder}/imds-check.json`).toString('utf8'))).toEqual({
        errorsDoc: expected,
      });
  });

  it('ships no node_modules', () => {
    expect(names().filter((n) => n.split('/').includes('node_modules'))).toEqual([]);
  });

  it('ships task.json and the bundle byte for byte, at the path every execution handler targets', () => {
    expect(vsix.read('ImdsCheckV1/task.json').equals(readFileSync(join(repoRoot, 'task.json')))).toBe(true);
    expect(
      vsix
        .read('ImdsCheckV1/dist/azure-devops/index.js')
        .equals(readFileSync(join(repoRoot, 'dist/azure-devops/index.js'))),
    ).toBe(true);
    for (const handler of Object.values(task.execution) as { target: string }[])
      expect(names()).toContain(`ImdsCheckV1/${handler.target}`);
    // The bundle is ESM: its package.json must travel with it.
    expect(JSON.parse(vsix.read('ImdsCheckV1/dist/azure-devops/package.json').toString('utf8'))).toEqual({
      type: 'module',
    });
  });

  it('has the package version as extension version and as task version', () => {
    const manifest = vsix.read('extension.vsixmanifest').toString('utf8');
    expect(manifest).toMatch(new RegExp(`<Identity [^>]*Version="${pkg.version.replace(/\./g, '\\.')}"`));
    const shipped = JSON.parse(vsix.read('ImdsCheckV1/task.json').toString('utf8'));
    expect(`${shipped.version.Major}.${shipped.version.Minor}.${shipped.version.Patch}`).toBe(pkg.version);
    expect(vsix.read('extension.vsomanifest').toString('utf8')).toContain('ImdsCheckV1');
  });

  it('the zip reader agrees with unzip -l where unzip exists', () => {
    const unzip = spawnSync('unzip', ['-Z1', vsixPath], { encoding: 'utf8' });
    if (unzip.error) {
      // No unzip on this machine: the reader is the only lister; it must still see the task files.
      expect(names()).toContain('ImdsCheckV1/task.json');
      return;
    }
    expect(
      unzip.stdout
        .split('\n')
        .filter((l) => l !== '')
        .sort(),
    ).toEqual(names().sort());
  });
});
