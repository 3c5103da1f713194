// Text of `imds-check emulate`: the help (every option with its default) and the start banner (where it
// listens and which identities it serves, so a user can try `--identity user --client-id …` at once).

import type { Emulator, EmulatorIdentity } from './types.js';
import { DEFAULT_ARC_KEY_LIFETIME_MS } from './server.js';

export const EMULATE_USAGE =
  'Usage: imds-check emulate [--scenario NAME] [--mode vm|arc] [--host H] [--port N] [--tokens-dir DIR] ' +
  '[--key-lifetime S] [--seed N] [--log] [--list] [--help]';

export const EMULATE_HELP = `${EMULATE_USAGE}

Serves Azure IMDS (VM mode) or Hybrid IMDS with the Arc key-file challenge (Arc mode) on a local port,
healthy or with a fault scenario, until Ctrl+C. Point a check at it with --endpoint.

Options:
  --scenario NAME     what the emulator does (default healthy); --list shows every scenario
  --mode vm|arc       which service to emulate (default vm; arc for a scenario that exists in Arc mode only)
  --host H            address to listen on (default 127.0.0.1)
  --port N            port to listen on, 0-65535 (default 0: any free port, shown at start)
  --tokens-dir DIR    Arc: where challenge .key files are written (default: a new temp folder, removed on exit)
  --key-lifetime S    Arc: seconds an unused key file lives before it is removed (default ${DEFAULT_ARC_KEY_LIFETIME_MS / 1000})
  --seed N            seed of the random faults and latency jitter, an integer (default 1: same seed, same run)
  --log               print one line per request: time, method, path, status (default off; never a secret)
  --list              list the scenarios (with --mode, only that mode's) and exit
  -h, --help          this help

Examples:
  imds-check emulate --port 8080 &
  imds-check --endpoint http://127.0.0.1:8080
  imds-check emulate --port 8081 --scenario throttled-then-ok
  imds-check emulate --mode arc --port 8082 --tokens-dir /tmp/imds-tokens --log &
  imds-check --mode arc --endpoint http://127.0.0.1:8082 --arc-tokens-dir /tmp/imds-tokens`;

function describeIdentity(identity: EmulatorIdentity): string {
  const resource = identity.resourceId ? `  resource ${identity.resourceId}` : '';
  return `  ${identity.kind.padEnd(6)}  client ${identity.clientId}  object ${identity.objectId}${resource}`;
}

/** The lines printed once the emulator listens. The first line is a contract: scripts wait for it. */
export function bannerLines(emulator: Emulator): string[] {
  const lines = [
    `imds-check emulator (${emulator.mode}, scenario ${emulator.scenario}) listening on ${emulator.url}`,
  ];
  if (emulator.tokensDir !== null) lines.push(`tokens dir: ${emulator.tokensDir}`);
  if (emulator.scenario === 'arc-down') {
    lines.push('nothing accepts connections there: arc-down models a stopped HIMDS');
    return lines;
  }
  if (emulator.identities.length === 0)
    lines.push('identities: none (token requests get "Identity not found")');
  else lines.push('identities:', ...emulator.identities.map(describeIdentity));
  // Arc needs the check to read key files from this emulator's folder (a CLI-only, loopback-only option).
  const target =
    emulator.mode === 'arc'
      ? `--mode arc --endpoint ${emulator.url} --arc-tokens-dir ${emulator.tokensDir ?? ''}`
      : `--endpoint ${emulator.url}`;
  lines.push(`try: imds-check ${target}`);
  const user = emulator.identities.find((identity) => identity.kind === 'user');
  if (user) lines.push(`     imds-check ${target} --identity user --client-id ${user.clientId}`);
  return lines;
}
