// Root only: each VM fault case in its own network namespace (only lo, 169.254.169.254/32 on it), the committed
// bundles run inside it with their DEFAULT endpoint. Asserts code, reachable, status outputs, exit code and a
// generous "does not hang" bound per front door; measured times go to build/netns-vm-times.json.
import { afterAll, describe, expect, test } from '@jest/globals';
import { VM_CASES, prepare, type VmCase } from './cases.js';
import { runDoor, type Door } from './front-doors.js';
import { netnsUnavailableReason } from './namespace.js';
import { TimingLog } from './timings.js';

const reason = netnsUnavailableReason();
if (reason) console.log(`netns suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;

const times = new TimingLog('netns-vm-times.json');
afterAll(() => times.flush());

// The Action and the task share the engine; these cases prove their front doors.
const DOOR_CASES = new Set(['healthy', 'dropped', 'tcp-reset', 'no-route']);
const runs: [Door, VmCase][] = [
  ...VM_CASES.map((c) => ['cli', c] as [Door, VmCase]),
  ...VM_CASES.filter((c) => DOOR_CASES.has(c.name)).flatMap((c) => [
    ['action', c] as [Door, VmCase],
    ['task', c] as [Door, VmCase],
  ]),
];

suite('VM faults in a private network namespace', () => {
  test.each(runs.map(([door, c]) => [`${door}: ${c.name}`, door, c] as const))(
    '%s',
    async (_name, door, c) => {
      const ns = await prepare(c);
      try {
        const run = await runDoor(door, { prefix: ns.wrap([]), inputs: c.inputs });
        times.add({
          case: c.name,
          door,
          node: process.version,
          code: run.checks['reachability']!.code,
          ms: run.ms,
        });
        const e = c.expect;
        expect({
          code: run.checks['reachability']!.code,
          result: run.result,
          reachable: run.reachable,
          mode: run.mode,
        }).toEqual({ code: e.code, result: e.result, reachable: String(e.reachable), mode: 'vm' });
        if (door === 'task') {
          // The agent decides by ##vso[task.complete], not by the exit code.
          expect([run.exitCode, run.taskResult]).toEqual([0, e.exitCode === 0 ? 'Succeeded' : 'Failed']);
        } else {
          expect(run.exitCode).toBe(e.exitCode);
        }
        if (door === 'cli') {
          // The CLI has no status outputs: the report's check outcomes carry the same words.
          expect(run.checks['metadata']!.outcome).toBe(e.cliMetadataOutcome ?? e.metadataStatus);
          expect(run.checks['token']!.outcome).toBe(e.reachable ? e.tokenStatus : 'skipped');
          if (!e.reachable) expect(run.checks['reachability']!.outcome).toBe(e.metadataStatus);
        } else {
          expect([run.metadataStatus, run.tokenStatus]).toEqual([e.metadataStatus, e.tokenStatus]);
        }
        if (e.result !== 'pass') expect(run.checks['reachability']!.remediation.length).toBeGreaterThan(20);
        expect(run.ms).toBeLessThan(c.boundMs);
        expect(run.channels['stderr']).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack traces
      } finally {
        ns.destroy();
      }
    },
  );
});
