// Root only (issue 17, item 5): every run ends by timeout-seconds + 1 s, DNS included. A private network
// namespace (only lo; the IMDS emulator on 169.254.169.254:80) whose DNS server address drops every packet, and
// per door run a private mount namespace whose resolv.conf names that server with the resolver's defaults (5 s
// timeout, 2 attempts), whose hosts file knows only localhost and whose nsswitch asks files then DNS (never a
// host service over a socket). The AMA check then waits on 8 names that never resolve. Before the fix the
// stuck getaddrinfo calls held libuv's pool and the process: 40-41 s for timeout-seconds 8, while the report
// said 5.4 s. Measured times go to build/netns-dns-times.json; the test asserts a generous "does not hang" bound.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDoor, type Door } from './front-doors.js';
import { emulator } from './cases.js';
import { must, Netns, netnsUnavailableReason, privateEtc } from './namespace.js';
import { TimingLog } from './timings.js';

const reason = netnsUnavailableReason(['ip', 'iptables', 'unshare', 'mount']);
if (reason) console.log(`netns DNS suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;
const times = new TimingLog('netns-dns-times.json');

/** An address inside the namespace only; every packet to it is dropped on arrival. */
const BLACK_HOLE = '10.53.53.53';
/** Generous for a loaded 2-core machine (the fix ends at about timeout-seconds; before it, 40 s). */
const DOES_NOT_HANG_MS = 20_000;
/** 2 handlers and 6 workspaces: 8 names, more than libuv's 4 threads. */
const WORKSPACES = Array.from({ length: 6 }, (_, i) => `${i + 1}1111111-2222-3333-4444-555555555555`);

suite('a black-holed resolver', () => {
  let ns: Netns;
  let dir: string;
  let files: Record<'hosts' | 'resolv.conf' | 'nsswitch.conf', string>;
  beforeAll(async () => {
    ns = new Netns();
    dir = mkdtempSync(join(tmpdir(), 'imdsck-dns-'));
    must(['ip', '-n', ns.name, 'addr', 'add', `${BLACK_HOLE}/32`, 'dev', 'lo']);
    // Dropped on arrival (INPUT): the query leaves without an error and nothing ever answers. (Dropped on the
    // way out (OUTPUT), sendmsg fails with EPERM and the resolver gives up at once.)
    must(ns.wrap(['iptables', '-A', 'INPUT', '-d', BLACK_HOLE, '-j', 'DROP']));
    files = {
      hosts: '127.0.0.1 localhost\n::1 localhost\n',
      'resolv.conf': `nameserver ${BLACK_HOLE}\n`,
      'nsswitch.conf': 'hosts: files dns\n',
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      files[name as keyof typeof files] = join(dir, name);
    }
    const imds = emulator('healthy');
    await ns.start(imds.argv, imds.ready);
  });
  afterAll(() => {
    ns?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
    times.flush();
  });

  // 8 s is the case (the 5 s name bound ends it first); 3 s shows the run's own bound cuts a lookup short.
  test.each((['cli', 'action', 'task'] as Door[]).flatMap((door) => [8, 3].map((s) => [door, s] as const)))(
    '%s, timeout-seconds %i: 8 Azure Monitor names that never resolve; the step ends by its bound, not the resolver',
    async (door, timeoutSeconds) => {
      const prefix = ns.wrap(privateEtc(files));
      const run = await runDoor(door, {
        prefix,
        timeoutMs: 120_000,
        inputs: {
          ama: 'true',
          'workspace-ids': WORKSPACES.join(','),
          'timeout-seconds': String(timeoutSeconds),
        },
      });
      const ama = run.checks['ama'] as unknown as {
        code: string;
        message: string;
        hosts: { host: string; code: string }[];
      };
      times.add({
        case: `dns black hole, 8 names, timeout-seconds ${timeoutSeconds}`,
        door,
        node: process.version,
        code: ama.code,
        ms: run.ms,
      });
      const reported = (run.report as unknown as { durationMs: number }).durationMs;
      console.log(
        `dns black hole: ${door}, timeout-seconds ${timeoutSeconds}: step ${run.ms} ms, report ${reported} ms`,
      );
      // The names really hung (timed out, not refused at once), and every one is reported.
      expect(ama.code).toBe('ama_dns_failed');
      expect(ama.message).toContain('timed out');
      expect(ama.hosts).toHaveLength(8);
      expect(ama.hosts.every((h) => h.code === 'ama_dns_failed')).toBe(true);
      expect(run.checks['token']!.code).toBe('ok');
      if (door === 'task') expect(run.taskResult).toBe('Failed');
      else expect(run.exitCode).toBe(1);
      expect(run.ms).toBeLessThan(DOES_NOT_HANG_MS);
    },
    150_000,
  );
});
