// The VM fault cases: how each namespace is built, what runs in it, and what every front door must report.
// Bounds are generous "does not hang" limits (DESIGN §3.1: connect 5 s x 2 attempts; refusals are immediate).
import { join } from 'node:path';
import { Netns, type NetnsOptions } from './namespace.js';
import { CLI, ROOT } from './front-doors.js';

export interface VmCase {
  name: string;
  ns: NetnsOptions;
  /** What listens on 169.254.169.254:80 inside the namespace, if anything. */
  server?: { argv: string[]; ready: RegExp };
  inputs?: Record<string, string>;
  expect: {
    result: 'pass' | 'warn' | 'fail';
    reachable: boolean;
    /** reachability check code */
    code: string;
    /** the metadata-status / token-status outputs (when nothing answered, both carry the socket word) */
    metadataStatus: string;
    tokenStatus: string;
    exitCode: number;
    /** CLI report: the metadata check's outcome when it differs from metadataStatus ('skipped': never sent). */
    cliMetadataOutcome?: string;
  };
  boundMs: number;
}

/** The IMDS emulator in a namespace, at the real address, serving `scenario`. */
export const emulator = (scenario: string) => ({
  argv: [
    process.execPath,
    CLI,
    'emulate',
    '--scenario',
    scenario,
    '--mode',
    'vm',
    '--host',
    '169.254.169.254',
    '--port',
    '80',
  ],
  ready: /listening on/,
});
// When nothing answered (connect-level failures, silence, resets) the CLI report's metadata check is skipped
// and the socket word is on reachability (DESIGN §3.1); the status outputs carry the word either way.
const down = (code: string, word: string, nothingAnswered = false) => ({
  ...(nothingAnswered ? { cliMetadataOutcome: 'skipped' } : {}),
  result: 'fail' as const,
  reachable: false,
  code,
  metadataStatus: word,
  tokenStatus: word,
  exitCode: 1,
});

export const VM_CASES: VmCase[] = [
  {
    name: 'healthy',
    ns: {},
    server: emulator('healthy'),
    expect: {
      result: 'pass',
      reachable: true,
      code: 'ok',
      metadataStatus: '200',
      tokenStatus: '200',
      exitCode: 0,
    },
    boundMs: 5_000,
  },
  {
    name: 'dropped',
    ns: { imdsRule: ['-j', 'DROP'] },
    expect: down('connect_timeout', 'timeout', true),
    boundMs: 15_000,
  },
  {
    name: 'tcp-reset',
    ns: { imdsRule: ['-j', 'REJECT', '--reject-with', 'tcp-reset'] },
    expect: down('connection_refused', 'refused', true),
    boundMs: 3_000,
  },
  {
    name: 'icmp-reject',
    ns: { imdsRule: ['-j', 'REJECT'] },
    expect: down('connection_refused', 'refused', true),
    boundMs: 3_000,
  },
  { name: 'no-listener', ns: {}, expect: down('connection_refused', 'refused', true), boundMs: 3_000 },
  {
    name: 'no-route',
    ns: { imdsAddress: false },
    expect: down('network_unreachable', 'unreachable', true),
    boundMs: 3_000,
  },
  {
    name: 'silent',
    ns: {},
    server: emulator('silent'),
    inputs: { 'timeout-seconds': '4' },
    expect: down('no_response', 'no-response', true),
    boundMs: 7_000,
  },
  {
    name: 'trickle',
    ns: {},
    server: emulator('trickle'),
    inputs: { 'timeout-seconds': '4' },
    expect: down('body_timeout', 'no-response', true),
    boundMs: 7_000,
  },
  {
    name: 'reset-mid-body',
    ns: {},
    server: {
      argv: [process.execPath, join(ROOT, 'scripts/netns/reset-mid-body.mjs'), '169.254.169.254', '80'],
      ready: /listening/,
    },
    expect: down('connection_reset', 'reset', true),
    boundMs: 5_000,
  },
  {
    name: 'proxy-502',
    ns: {},
    server: emulator('proxy-502'),
    expect: { ...down('not_imds_proxy', '502'), metadataStatus: '502' },
    boundMs: 5_000,
  },
  {
    name: 'proxy-fail-to-connect',
    ns: {},
    server: emulator('proxy-fail-to-connect'),
    expect: { ...down('not_imds_proxy', '400'), metadataStatus: '400' },
    boundMs: 5_000,
  },
];

/** Builds the namespace of a case and starts its server; the caller destroys the namespace. */
export async function prepare(c: VmCase): Promise<Netns> {
  const ns = new Netns(c.ns);
  try {
    if (c.server) await ns.start(c.server.argv, c.server.ready);
    return ns;
  } catch (err) {
    ns.destroy();
    throw err;
  }
}
