// `npm run demo`: start the built-in emulator on a loopback port, run the CLI bundle against it, stop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const emulator = spawn(process.execPath, ['dist/cli/index.js', 'emulate', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let url = '';
for await (const chunk of emulator.stdout) {
  const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
  if (match) {
    url = match[1];
    break;
  }
}
if (!url) {
  console.error('demo: the emulator did not start');
  process.exit(1);
}
console.log(`demo: emulator at ${url}; running: imds-check --endpoint ${url}\n`);
const cli = spawn(process.execPath, ['dist/cli/index.js', '--endpoint', url, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const [code] = await once(cli, 'exit');
emulator.kill('SIGTERM');
process.exitCode = code ?? 1;
