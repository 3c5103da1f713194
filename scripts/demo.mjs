// `npm run demo`: start the built-in emulator on a loopback port, run the CLI bundle against it, stop.
// `npm run demo -- --ama` adds the Azure Monitor side: the emulator's HTTPS listener answers under the real
// host names and its CONNECT proxy stub routes every tunnel there, so the CLI's AMA check runs its normal
// proxy path (ama-proxy) without any change to name resolution; the test Azure root is ama-trusted-roots. With
// --ama the rollout checks run too: ama-host judges this machine's own OS, architecture and disk, ama-identity
// the emulator's identities and marketplace image, clock the listener's Date header.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const ama = args.includes('--ama');
const roots = ama ? mkdtempSync(join(tmpdir(), 'imds-check-demo-')) : '';
const amaFlags = ama ? ['--ama', 'healthy', '--ama-proxy', '0', '--ama-roots', roots] : [];
const emulator = spawn(process.execPath, ['dist/cli/index.js', 'emulate', '--port', '0', ...amaFlags], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let banner = '';
for await (const chunk of emulator.stdout) {
  banner += String(chunk);
  if (/listening on http:\/\/\S+/.test(banner) && (!ama || /^ama ready$/m.test(banner))) break;
}
const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? '';
const proxy = /ama proxy listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? '';
if (!url || (ama && !proxy)) {
  console.error('demo: the emulator did not start');
  emulator.kill('SIGTERM');
  process.exit(1);
}
const amaArgs = ama
  ? [
      '--ama-proxy',
      proxy,
      '--ama-trusted-roots',
      join(roots, 'ama-test-azure-root.pem'),
      '--workspace-ids',
      '11111111-2222-3333-4444-555555555555',
    ]
  : [];
console.log(
  `demo: emulator at ${url}; running: imds-check --endpoint ${url} ${[...args, ...amaArgs].join(' ')}\n`,
);
if (ama)
  console.log(`demo: Azure Monitor hosts are reached through the emulator's CONNECT proxy at ${proxy}\n`);
const cli = spawn(process.execPath, ['dist/cli/index.js', '--endpoint', url, ...args, ...amaArgs], {
  stdio: 'inherit',
});
const [code] = await once(cli, 'exit');
emulator.kill('SIGTERM');
if (roots) rmSync(roots, { recursive: true, force: true });
process.exitCode = code ?? 1;
