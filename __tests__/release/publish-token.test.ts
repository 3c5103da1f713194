// The documented tfx commands take the personal access token from the environment (AZURE_DEVOPS_EXT_PAT) and
// hand it to tfx on standard input, never as `--token` on a command line (visible in `ps` and shell history).
// The README's publish command runs here as written, against a fake Marketplace on loopback: tfx must send the
// token from standard input. As root, the fake and tfx run in a network namespace with only loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../github/runner.js';

const DOCUMENTS = ['README.md', 'docs/releasing.md', 'docs/azure-devops.md'];
const PIPE = `printf '%s\\n' "$AZURE_DEVOPS_EXT_PAT" | npx tfx extension `;
const TFX = join(ROOT, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js');

/** Every documented `tfx extension publish|install` command, continuation lines joined. */
function documentedCommands(): { file: string; command: string }[] {
  return DOCUMENTS.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((line) => /tfx extension (publish|install)\b/.test(line) && !line.includes('`tfx extension'))
      .map((line) => ({ file, command: line.trim() })),
  );
}

// A fake Marketplace that records the Authorization header of every request, then runs the command with bash.
const FAKE_MARKETPLACE = `
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
const [command, cwd] = process.argv.slice(2);
const seen = [];
const server = createServer((req, res) => {
  seen.push(req.headers.authorization ?? '');
  res.writeHead(401, { 'content-type': 'application/json' });
  res.end('{}');
});
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port;
  const child = spawn('bash', ['-c', command + ' --service-url ' + url + ' --no-color'], {
    cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
  child.on('close', (status) => {
    clearTimeout(timer);
    server.close();
    console.log(JSON.stringify({ status, seen, output }));
  });
});
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imds-tfx-token-'));
  const built = join(dir, 'built');
  const pack = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'package-ado.mjs'), built, '--allow-placeholders'],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  expect([pack.status, pack.stderr]).toEqual([0, '']);
  // Where the README's command looks for it: build/PUBLISHER.imds-check-*.vsix.
  mkdirSync(join(dir, 'build'));
  copyFileSync(join(built, readdirSync(built)[0]!), join(dir, 'build', 'PUBLISHER.imds-check-1.0.0.vsix'));
  writeFileSync(join(dir, 'fake-marketplace.mjs'), FAKE_MARKETPLACE);
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('documented tfx commands', () => {
  it('read the token from AZURE_DEVOPS_EXT_PAT through standard input, never --token', () => {
    const commands = documentedCommands();
    expect(commands.map((c) => c.file)).toEqual(expect.arrayContaining(DOCUMENTS));
    for (const { file, command } of commands) {
      expect([file, command]).toEqual([
        file,
        expect.stringMatching(/^printf '%s\\n' "\$AZURE_DEVOPS_EXT_PAT" \| npx tfx /),
      ]);
      expect([file, command]).toEqual([file, expect.not.stringMatching(/--token|\s-t\s|\$PAT\b/)]);
    }
  });

  it("the README's publish command, run as written, gives tfx the token on standard input", () => {
    const readme = documentedCommands().find(
      (c) => c.file === 'README.md' && c.command.includes(' publish '),
    );
    expect(readme?.command.startsWith(PIPE)).toBe(true);
    const command = readme!.command.replace('npx tfx', `"${process.execPath}" "${TFX}"`);
    const pat = 'pat-from-the-environment-0123456789';
    const argv = [process.execPath, join(dir, 'fake-marketplace.mjs'), command, dir];
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      TFX_BYPASS_CACHE: '1',
      AZURE_DEVOPS_EXT_PAT: pat,
    };
    const run =
      process.getuid?.() === 0
        ? spawnSync(
            'unshare',
            ['--net', '--', 'bash', '-c', 'ip link set lo up && exec "$@"', 'fake', ...argv],
            {
              encoding: 'utf8',
              env,
              timeout: 90_000,
            },
          )
        : spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env, timeout: 90_000 });
    expect([run.status, run.stderr]).toEqual([0, '']);
    const result = JSON.parse(run.stdout) as { status: number; seen: string[]; output: string };
    // The fake refuses (401), so tfx fails; what matters is the credential it sent.
    expect(result.seen.length).toBeGreaterThan(0);
    expect(result.seen[0]).toBe(`Basic ${Buffer.from(`OAuth:${pat}`).toString('base64')}`);
    expect(result.output).not.toContain(pat);
  }, 120_000);
});
