// `npm run build:cli [-- <out file>]`: the committed CLI bundle (dist/cli) as ONE file for a release download,
// `node imds-check.mjs ...` (default: build/imds-check.mjs). ncc splits the emulator into a lazy chunk
// (NNN.index.js) loaded with import("./" + name); here each chunk travels inside the file as a data: URL and
// that one import reads it from the table instead. Nothing else in the bundle changes.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli');
// ncc's ESM chunk loader (webpack "import chunk loading" runtime); the build fails loudly if it ever changes.
const LOADER = 'import("./" + __nccwpck_require__.u(chunkId))';
const CHUNK_NAME = 'return "" + chunkId + ".index.js";';

function fail(message) {
  console.error(`build:cli: ${message}`);
  process.exit(1);
}

const out = resolve(process.argv[2] ?? join(root, 'build', 'imds-check.mjs'));
let code = readFileSync(join(cli, 'index.js'), 'utf8');
const chunks = readdirSync(cli).filter((f) => /^\d+\.index\.js$/.test(f));
if (chunks.length > 0) {
  if (code.split(LOADER).length !== 2) fail(`expected the chunk loader once in dist/cli/index.js: ${LOADER}`);
  if (!code.includes(CHUNK_NAME)) fail('dist/cli/index.js names its chunks differently than expected');
  const table = Object.fromEntries(
    chunks.map((file) => {
      const chunk = readFileSync(join(cli, file), 'utf8');
      // A data: module has no folder, so a chunk that imports by relative path could not be inlined.
      if (/\bimport\s*\(|\bfrom\s+['"]\.|import\.meta/.test(chunk)) fail(`${file} imports other files`);
      return [file, `data:text/javascript;base64,${Buffer.from(chunk).toString('base64')}`];
    }),
  );
  code = code.replace(LOADER, `import(__imdsCheckChunks[__nccwpck_require__.u(chunkId)])`);
  const shebang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
  code = `${shebang}const __imdsCheckChunks = ${JSON.stringify(table)};\n${code.slice(shebang.length)}`;
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, code);
chmodSync(out, 0o755);
console.log(`built ${out} (${Math.round(code.length / 1024)} KB, ${chunks.length} chunk(s) inlined)`);
