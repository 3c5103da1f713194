// The interleaved measuring loop shared by the start-up bench and the code cache bench.
import { runOnce } from './run.mjs';
import { summarize } from './stats.mjs';

/**
 * Every command ({ id, label, cmd, args, env, cwd, prepare }) once per round; each round starts one command
 * later, so no command always follows another. Warm-up rounds are not kept. Returns { tool, wall, peak } each.
 */
export async function measure(list, { runs, warmups }, log) {
  const samples = new Map(list.map((t) => [t.id, []]));
  for (let round = 0; round < warmups + runs; round++) {
    log(
      `round ${round + 1}/${warmups + runs}${round < warmups ? ' (warm-up)' : ''}: ${list.length} commands`,
    );
    for (let i = 0; i < list.length; i++) {
      const tool = list[(i + round) % list.length];
      tool.prepare?.();
      const run = await runOnce(tool.cmd, tool.args, { env: tool.env, cwd: tool.cwd, capMs: 30_000 });
      // A failed run would time the wrong thing; stop rather than publish it. stderr only: stdout may hold data.
      if (run.code !== 0 || run.timedOut) {
        throw new Error(
          `${tool.label} did not succeed (exit ${run.code}, signal ${run.signal}): ${run.stderr.slice(0, 400)}`,
        );
      }
      if (round >= warmups) samples.get(tool.id).push(run);
    }
  }
  return list.map((tool) => {
    const runsOf = samples.get(tool.id);
    const peaks = runsOf.map((r) => r.peakKiB).filter((k) => k !== undefined);
    return {
      tool,
      wall: summarize(runsOf.map((r) => r.wallMs)),
      peak: peaks.length ? summarize(peaks) : undefined,
    };
  });
}
