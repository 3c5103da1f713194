// `npm test`: type-check everything, then run jest (ESM needs --experimental-vm-modules).
// Extra arguments go to jest, e.g. `npm test -- __tests__/core`.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (run('npx', ['tsc', '-p', 'tsconfig.test.json', '--noEmit']) !== 0) {
  console.error('type-check failed');
  process.exit(1);
}
const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', NODE_NO_WARNINGS: '1' };
const args = ['jest', ...process.argv.slice(2)];
if (process.env.JEST_JSON_OUTPUT) args.push('--json', `--outputFile=${process.env.JEST_JSON_OUTPUT}`);
process.exit(run('npx', args, env));
