// Time to verdict on loopback faults (npm run bench -- --faults): how long each tool takes to say "no".
// Only faults that need no network namespace: a closed port, and the emulator's reset/silent/trickle scenarios.
import { closedPort, runOnce, startEmulator } from './run.mjs';
import { formatSeconds, summarize } from './stats.mjs';
import { BUNDLES, cli, curl, fetchFloor } from './tools.mjs';

export const FAULT_CAP_MS = 60_000;

export const FAULT_CASES = [
  { name: 'refused', how: 'a closed port on 127.0.0.1 (bound to port 0, then closed)', slow: false },
  {
    name: 'reset',
    how: 'emulator scenario `reset` (reads the request, then RST)',
    scenario: 'reset',
    slow: false,
  },
  {
    name: 'silent',
    how: 'emulator scenario `silent` (accepts, never answers)',
    scenario: 'silent',
    slow: true,
  },
  {
    name: 'trickle',
    how: 'emulator scenario `trickle` (200 headers, 1 body byte per 500 ms)',
    scenario: 'trickle',
    slow: true,
  },
];

/** The tools compared on faults; curl's own -m 60 is its cap, our kill cap sits 2 s behind it. */
export function faultTools(url) {
  return [
    { ...cli(url), label: 'imds-check CLI (defaults: timeout-seconds 30)', capMs: FAULT_CAP_MS },
    { ...curl(url, ['-m', '60'], 'curl', 'curl (defaults, -m 60)'), capMs: FAULT_CAP_MS + 2000 },
    {
      ...curl(url, ['--connect-timeout', '2', '-m', '60'], 'curl-ct2', 'curl --connect-timeout 2 -m 60'),
      capMs: FAULT_CAP_MS + 2000,
    },
    { ...fetchFloor(url), label: 'Node built-in fetch (defaults)', capMs: FAULT_CAP_MS },
  ];
}

/** What the tool told its user, in one line. The CLI's outcome word and code; curl and fetch: stderr. */
export function verdictText(tool, run) {
  const line =
    run.stderr
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim()
      .slice(0, 140) ?? '';
  if (run.timedOut) {
    const printed = line ? `; its first message came at ${formatSeconds(run.firstStderrMs)} s: ${line}` : '';
    return `no exit: killed at the ${Math.round(tool.capMs / 1000)} s cap${printed}`;
  }
  if (tool.id === 'cli') {
    // The first failed check's name and outcome column, and the first error code, from the human report.
    const fail = /^\s*FAIL\s+(.+?)\s{2,}\d+ ms\s{2,}(.+?)\s{2,}/m.exec(run.stdout);
    const code = /\(code: ([a-z0-9_]+)\)/.exec(run.stdout);
    const words = [fail && `${fail[1]}: ${fail[2]}`, code && `code ${code[1]}`].filter(Boolean).join(', ');
    return `exit ${run.code}${words ? `: ${words}` : ''}`;
  }
  return `exit ${run.code}${line ? `: ${line}` : ''}`;
}

async function endpointFor(faultCase) {
  if (faultCase.scenario) return startEmulator(BUNDLES.cli, faultCase.scenario);
  return { url: `http://127.0.0.1:${await closedPort()}`, stop: async () => {} };
}

/** Interleaved runs per case (fast cases get one untimed warm-up round). */
export async function measureFaults({ fastRuns = 5, slowRuns = 1, log = () => {} } = {}) {
  const results = [];
  for (const faultCase of FAULT_CASES) {
    const endpoint = await endpointFor(faultCase);
    try {
      const tools = faultTools(endpoint.url);
      const runs = new Map(tools.map((t) => [t.id, []]));
      const warmups = faultCase.slow ? 0 : 1;
      const rounds = warmups + (faultCase.slow ? slowRuns : fastRuns);
      for (let round = 0; round < rounds; round++) {
        for (const tool of tools) {
          log(`faults: ${faultCase.name} round ${round + 1}/${rounds}: ${tool.label}`);
          const run = await runOnce(tool.cmd, tool.args, { env: tool.env, capMs: tool.capMs });
          if (round >= warmups) runs.get(tool.id).push(run);
        }
      }
      const rows = tools.map((tool) => {
        const toolRuns = runs.get(tool.id);
        const last = toolRuns[toolRuns.length - 1];
        const peaks = toolRuns.map((r) => r.peakKiB).filter((k) => k !== undefined);
        return {
          tool,
          wall: summarize(toolRuns.map((r) => r.wallMs)),
          killed: toolRuns.filter((r) => r.timedOut).length,
          peakKiB: peaks.length ? Math.max(...peaks) : undefined,
          verdict: verdictText(tool, last),
        };
      });
      results.push({ ...faultCase, rows });
    } finally {
      await endpoint.stop();
    }
  }
  return results;
}
