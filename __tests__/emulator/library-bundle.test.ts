// The emulator as a library for other projects: scripts/bundle-emulator.mjs builds one ESM file plus type
// declarations; a consumer resolves it through the package `exports` entry proposed for package.json
// ("./emulator"), type-checks against the declarations, and runs it on plain Node.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve('.');
let work = '';
let pkg = '';

const CONSUMER = `import { startEmulator, peakRequestRate, type EmulatorOverrides } from 'imds-check/emulator';
import { get } from 'node:http';
const overrides: EmulatorOverrides = { compute: { name: 'from-a-consumer' } };
const emulator = await startEmulator({ scenario: 'healthy', overrides });
const body = await new Promise<string>((done) => {
  get(emulator.url + '/metadata/instance/compute/name?api-version=2021-02-01&format=text', { headers: { Metadata: 'true' } }, (res) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString()));
    res.on('end', () => done(text));
  });
});
const rate: number = peakRequestRate(emulator.requests);
await emulator.close();
console.log(JSON.stringify({ body, rate, identities: emulator.identities.length }));
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'imdsck-emu-lib-'));
  pkg = join(work, 'node_modules/imds-check');
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/bundle-emulator.mjs'), join(pkg, 'dist/emulator')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`bundle-emulator failed: ${built.stderr}`);
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'imds-check',
      type: 'module',
      exports: {
        './emulator': { types: './dist/emulator/types/index.d.ts', import: './dist/emulator/index.js' },
      },
    }),
  );
  writeFileSync(join(work, 'package.json'), '{"type":"module"}');
  writeFileSync(join(work, 'consumer.ts'), CONSUMER);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('emulator library bundle', () => {
  it('is one file using node built-ins only', () => {
    const code = readFileSync(join(pkg, 'dist/emulator/index.js'), 'utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]);
    expect(
      imports.every((name) => name === 'module' || name?.startsWith('node:') || /^[a-z_]+$/.test(name ?? '')),
    ).toBe(true);
    expect(code).not.toMatch(/@azure\/(identity|msal-node)/);
    expect(code).toContain('startEmulator');
  });

  it('type-checks a consumer against its declarations', () => {
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        'consumer.ts',
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--skipLibCheck', // the consumer's use is still checked against the declarations
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules/@types'),
      ],
      { cwd: work, encoding: 'utf8' },
    );
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs for a consumer on plain Node', () => {
    const js = CONSUMER.replace(', type EmulatorOverrides', '')
      .replace(': EmulatorOverrides', '')
      .replace('<string>', '')
      .replace(': Buffer', '')
      .replace(': number', '');
    writeFileSync(join(work, 'consumer.mjs'), js);
    const run = spawnSync(process.execPath, ['consumer.mjs'], {
      cwd: work,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ body: 'from-a-consumer', rate: 1, identities: 3 });
  });
});
