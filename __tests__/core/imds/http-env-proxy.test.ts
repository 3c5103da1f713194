// httpGet must never go through a proxy, even in a process started with NODE_USE_ENV_PROXY=1 and HTTP_PROXY set
// (Node 24 then routes the global agent through the proxy). Process env is read at startup, so the request runs
// in a child process: http.ts is transpiled to plain ESM (with the two modules it imports) and driven from a script.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { nodeBinaries } from '../../helpers/node-binaries.js';
import { rawServer, type Loopback } from '../../helpers/loopback.js';

// On Node 20 NODE_USE_ENV_PROXY does nothing, so the Node 24 run is the one that proves the point: in CI
// its absence is a failure, not a silent skip (nodeBinaries throws there).
const runtimes: [string, string][] = nodeBinaries().map((b) => [b.label, b.path]);

const DRIVER = `
import http from 'node:http';
import { httpGet } from './http.mjs';
const target = http.createServer((_, res) => res.end('direct'));
await new Promise((r) => target.listen(0, '127.0.0.1', r));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const result = await httpGet({
  connection: { agent, connectHosts: ['127.0.0.1'], port: target.address().port },
  hostHeader: '169.254.169.254', path: '/metadata/instance', body: 'whole',
  headers: { Metadata: 'true' }, connectTimeoutMs: 2000, headersTimeoutMs: 2000, bodyTimeoutMs: 2000, remainingMs: 10000,
  maxBodyBytes: 1048576,
});
agent.destroy();
target.close();
process.stdout.write(JSON.stringify({ kind: result.kind, status: result.status, body: result.body, failure: result.failure }));
`;

let dir: string;
let proxy: Loopback & { connections: () => number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imds-check-proxy-'));
  // The transport's http.ts and the modules it imports (failures, lookup), as plain modules beside the driver.
  for (const name of ['http', 'failures', 'lookup']) {
    const source = readFileSync(join(process.cwd(), `src/core/imds/${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, `${name}.mjs`), js.replace(/'\.\/(failures|lookup)\.js'/g, "'./$1.mjs'"));
  }
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
  proxy = await rawServer((socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
});

afterAll(async () => {
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

function runDriver(node: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proxyUrl = `http://127.0.0.1:${proxy.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HTTP_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    ALL_PROXY: proxyUrl,
    NODE_USE_ENV_PROXY: '1',
  };
  return new Promise((resolve) => {
    const child = spawn(node, [join(dir, 'driver.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('httpGet with NODE_USE_ENV_PROXY=1 and a live HTTP_PROXY', () => {
  it.each(runtimes)('on %s goes directly and the proxy sees nothing', async (_, node) => {
    const before = proxy.connections();
    const { code, stdout, stderr } = await runDriver(node);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ kind: 'answer', status: 200, body: 'direct' });
    expect(proxy.connections()).toBe(before);
  });
});
