// Builds the emulator as a library: dist/emulator/index.js (one ESM file, node built-ins only, by ncc) and
// its type declarations under dist/emulator/types/ (tsc). The emulator imports nothing outside
// src/emulator (a test checks it), so both are self-contained.
// Usage: node scripts/bundle-emulator.mjs [OUT_DIR]   (default: dist/emulator)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist/emulator';
if (existsSync(out)) rmSync(out, { recursive: true, force: true });

// The tools' own entry points on this Node: npx would add a second or two per call.
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const tsc = 'node_modules/typescript/bin/tsc';
execFileSync(
  process.execPath,
  [ncc, 'build', 'src/emulator/index.ts', '-o', out, '--quiet', '--target', 'es2022'],
  {
    stdio: 'inherit',
  },
);
// ncc writes {"type":"module"} next to an ESM bundle; say so explicitly in case that ever changes.
writeFileSync(join(out, 'package.json'), '{\n  "type": "module"\n}\n');

execFileSync(
  process.execPath,
  [
    tsc,
    'src/emulator/index.ts',
    '--ignoreConfig',
    '--declaration',
    '--emitDeclarationOnly',
    '--outDir',
    join(out, 'types'),
    '--rootDir',
    'src/emulator',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--strict',
    '--skipLibCheck',
    '--types',
    'node',
  ],
  { stdio: 'inherit' },
);
console.log(`bundled src/emulator/index.ts -> ${out}/index.js (types in ${out}/types/index.d.ts)`);
