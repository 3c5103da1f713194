// Root only: the Windows build of Node under Wine inside private network namespaces the test creates (only lo,
// 169.254.169.254/32 on it), with the DEFAULT endpoint. First the proof that such a process really is inside:
// Wine opens sockets in its wineserver, so the launcher gives a process in another namespace a wineserver of
// its own there (scripts/windows/wine-node.mjs); then a dropped IMDS through every front door.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { runDoor, type Door } from '../netns/front-doors.js';
import { Netns, netnsUnavailableReason, runTimed } from '../netns/namespace.js';
import { describeWindows, hostPath, WINDOWS_NODE, windowsSkipped } from './wine.js';

const reason = windowsSkipped === null ? netnsUnavailableReason() : null;
if (reason) console.log(`Windows leg: namespace cases skipped: ${reason}`);
const cases = reason ? describe.skip : describeWindows;

const namespaces: Netns[] = [];
const servers: Server[] = [];
afterAll(async () => {
  for (const ns of namespaces.splice(0)) ns.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

function namespace(rule?: string[]): Netns {
  const ns = new Netns(rule ? { imdsRule: rule } : {});
  namespaces.push(ns);
  return ns;
}

/** Connects to 127.0.0.1:port and prints what it reads (a plain TCP client, no bundle). */
const CLIENT =
  "const s=require('net').connect(+process.argv[1],'127.0.0.1');let d='';" +
  "s.on('data',(c)=>d+=c);s.on('close',()=>console.log('read:'+d));s.on('error',(e)=>console.log('error:'+e.code));";

cases('Windows (Wine) in a private network namespace', () => {
  it.concurrent(
    "a Windows process in a namespace connects inside it, not in the launcher's namespace",
    async () => {
      // The same loopback port answers "outside" here and "inside" in the namespace.
      const outside = createServer((socket) => socket.end('outside'));
      servers.push(outside);
      const port = await new Promise<number>((resolve) =>
        outside.listen(0, '127.0.0.1', () => resolve((outside.address() as { port: number }).port)),
      );
      const ns = namespace();
      const inside = `require('net').createServer((s)=>s.end('inside')).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
      await ns.start([process.execPath, '-e', inside], /ready/);
      const run = await runTimed(ns.wrap([WINDOWS_NODE, '-e', CLIENT, String(port)]), {
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp' },
      });
      expect([run.exitCode, run.stdout.trim()]).toEqual([0, 'read:inside']);
    },
  );

  it.concurrent.each(['cli', 'action', 'task'] as Door[])(
    '%s: IMDS dropped (default endpoint): connect_timeout after two attempts, not reachable, fails',
    async (door) => {
      const ns = namespace(['-j', 'DROP']);
      const run = await runDoor(door, {
        prefix: ns.wrap([]),
        node: WINDOWS_NODE,
        hostPath,
        timeoutMs: 120_000,
      });
      expect({
        code: run.checks['reachability']!.code,
        result: run.result,
        reachable: run.reachable,
        mode: run.mode,
      }).toEqual({ code: 'connect_timeout', result: 'fail', reachable: 'false', mode: 'vm' });
      if (door === 'task') expect([run.exitCode, run.taskResult]).toEqual([0, 'Failed']);
      else expect(run.exitCode).toBe(1);
      if (door !== 'cli') expect(run.metadataStatus).toBe('timeout');
      expect(run.checks['reachability']!.message).toContain('169.254.169.254');
      // Two 5 s connect attempts plus a wineserver's start: bounded, not measured here.
      expect(run.ms).toBeLessThan(60_000);
      expect(run.channels['stderr']).not.toMatch(/^\s+at /m);
    },
    120_000,
  );
});
