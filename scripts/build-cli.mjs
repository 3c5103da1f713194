// `npm run build:cli [-- <out file>]`: the committed CLI bundle (dist/cli) as ONE file for a release download,
// `node imds-check.cjs ...` (default: build/imds-check.cjs). ncc splits the emulator, the fleet merge and the AMA
// probing into lazy chunks (NNN.index.js) loaded with require("./" + name); here each chunk travels inside the
// file as a function of (exports, require, module) and that one require calls it instead. Nothing else in the
// bundle changes.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli');
// ncc's CommonJS chunk loader (webpack "require chunk loading" runtime); the build fails loudly if it changes.
const LOADER = 'require("./" + __nccwpck_require__.u(chunkId))';
const CHUNK_NAME = 'return "" + chunkId + ".index.js";';

function fail(message) {
  console.error(`build:cli: ${message}`);
  process.exit(1);
}

const out = resolve(process.argv[2] ?? join(root, 'build', 'imds-check.cjs'));
// The bundle itself, without the code-cache loader that dist/cli/index.js is (a download has no folder to cache in).
let code = `#!/usr/bin/env node\n${readFileSync(join(cli, 'imds-check.cjs'), 'utf8').replace(/^#!.*\n/, '')}`;
const chunks = readdirSync(cli).filter((f) => /^\d+\.index\.js$/.test(f));
if (chunks.length > 0) {
  if (code.split(LOADER).length !== 2)
    fail(`expected the chunk loader once in dist/cli/imds-check.cjs: ${LOADER}`);
  if (!code.includes(CHUNK_NAME)) fail('dist/cli/imds-check.cjs names its chunks differently than expected');
  const table = chunks.map((file) => {
    const chunk = readFileSync(join(cli, file), 'utf8');
    // A chunk that loads other files by relative path could not travel inside this one.
    if (/\brequire\(\s*["']\.|\bimport\s*\(/.test(chunk)) fail(`${file} loads other files`);
    return `${JSON.stringify(file)}: function (exports, require, module) {\n${chunk}\n}`;
  });
  code = code.replace(
    LOADER,
    '((name) => { const m = { exports: {} }; __imdsCheckChunks[name](m.exports, require, m); return m.exports; })(__nccwpck_require__.u(chunkId))',
  );
  const shebang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
  code = `${shebang}const __imdsCheckChunks = {\n${table.join(',\n')}\n};\n${code.slice(shebang.length)}`;
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, code);
chmodSync(out, 0o755);
console.log(`built ${out} (${Math.round(code.length / 1024)} KB, ${chunks.length} chunk(s) inlined)`);
