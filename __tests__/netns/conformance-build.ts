// The Arc conformance suite runs the emulator inside a private namespace, outside jest, from the current
// source: the needed TypeScript files are transpiled (no type-check, well under a second) into a temp dir,
// keeping their relative layout so every `.js` import resolves.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve('.');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Transpiles the emulator, the client runner and the driver into `outDir`; returns the driver's path. */
export function buildArcDriver(outDir: string): string {
  const files = [
    ...tsFiles(join(ROOT, 'src/emulator')),
    join(ROOT, '__tests__/conformance/run-client.ts'),
    join(ROOT, '__tests__/netns/conformance-arc-driver.ts'),
  ];
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = join(outDir, relative(ROOT, file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
  return join(outDir, '__tests__/netns/conformance-arc-driver.js');
}
