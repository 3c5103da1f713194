// The engine's import graph has no cycle and no arrow running back up its layers, measured by the script the
// lint rules use (scripts/import-graph.mjs); and those rules fail a planted cycle, a planted back-arrow and a
// check importing another check's folder, type-only imports included.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { forgetGraphs, layersPlugin } from '../../scripts/eslint-layers.mjs';
import { backArrows, findCycles, importGraph, specifiersOf } from '../../scripts/import-graph.mjs';
import { ROOT } from '../github/runner.js';

const scratch = mkdtempSync(join(tmpdir(), 'imds-graph-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A src/core tree of the given files under a fresh folder. */
function plant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, 'src', 'core', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

async function lint(dir: string): Promise<string[]> {
  forgetGraphs();
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser as never },
        plugins: { layers: layersPlugin },
        rules: { 'layers/no-cycle': 'error', 'layers/no-back-arrow': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['src/core/**/*.ts']);
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)).sort();
}

describe('the engine as it is', () => {
  it('has no cycle, no back-arrow and no file outside the layer list (the script exits 0)', () => {
    const graph = importGraph(join(ROOT, 'src', 'core'));
    expect(graph.files.length).toBeGreaterThan(50);
    expect(findCycles(graph)).toEqual([]);
    expect(backArrows(graph)).toEqual({ arrows: [], unplaced: [] });
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'import-graph.mjs')], {
      encoding: 'utf8',
    });
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('0 cycles\n0 back-arrows')]);
  });

  it('counts every kind of import, type-only ones included', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { b } from './b.js';",
      "const c = await import('./c.js');",
      "type D = import('./d.js').D;",
      "declare module './e.js' { interface X {} }",
    ].join('\n');
    expect(specifiersOf(text).map((s) => `${s.kind} ${s.spec}`)).toEqual([
      'type ./a.js',
      'import ./b.js',
      'dynamic ./c.js',
      'type ./d.js',
      'augment ./e.js',
    ]);
  });
});

describe('the lint rules on planted trees', () => {
  it('pass a tree that keeps to its layers', async () => {
    const dir = plant({
      'types.ts': 'export type Id = string;\n',
      'imds/a.ts': "import type { Id } from '../types.js';\nexport const a = (id: Id) => id;\n",
      'checks/x/index.ts': "import { a } from '../../imds/a.js';\nexport const x = a('x');\n",
    });
    expect(await lint(dir)).toEqual([]);
  });

  it('fail a cycle made only of type imports', async () => {
    const dir = plant({
      'types.ts': 'export type Id = string;\n',
      'imds/a.ts': "import type { B } from './b.js';\nexport type A = { b: B };\n",
      'imds/b.ts': "import type { A } from './a.js';\nexport type B = { a: A | null };\n",
    });
    expect(await lint(dir)).toEqual([
      'layers/no-cycle: import cycle: imds/a.ts ↔ imds/b.ts',
      'layers/no-cycle: import cycle: imds/a.ts ↔ imds/b.ts',
    ]);
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'import-graph.mjs'), '--root', join(dir, 'src', 'core')],
      {
        encoding: 'utf8',
      },
    );
    expect([run.status, run.stdout]).toEqual([
      1,
      expect.stringContaining('1 cycles\n  imds/a.ts ↔ imds/b.ts'),
    ]);
  });

  it('fail an arrow back up the layers, a check importing another check, and a file outside the list', async () => {
    const dir = plant({
      'types.ts': 'export type Id = string;\n',
      'imds/a.ts': "import type { X } from '../checks/x/index.js';\nexport type A = X;\n",
      'checks/x/index.ts': 'export type X = string;\n',
      'checks/y/index.ts': "import type { X } from '../x/index.js';\nexport type Y = X;\n",
      'stray.ts': 'export const stray = 1;\n',
    });
    expect(await lint(dir)).toEqual([
      'layers/no-back-arrow: import runs back up the layers: checks/y/index.ts → checks/x/index.ts',
      'layers/no-back-arrow: import runs back up the layers: imds/a.ts → checks/x/index.ts',
      'layers/no-back-arrow: stray.ts is in no layer of CORE_LAYERS (scripts/import-graph.mjs)',
    ]);
  });
});
