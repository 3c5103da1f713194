// `npm run bench`: measures the front doors against the floors users already have and writes BENCHMARKS.md.
// Options: --runs N (default 20), --warmups N (default 2), --faults (adds the slow fault-verdict section),
// --slow-runs N (1–3 runs of each slow fault, default 1), --out FILE (default BENCHMARKS.md).
// --merge runs only the fleet merge section (scripts/bench/merge.mjs: --runs N, --reports N) and keeps the rest.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { FAULT_CAP_MS, measureFaults } from './bench/faults.mjs';
import { renderFaults, renderNetns } from './bench/report-faults.mjs';
import { keptSection as keptMergeSection, main as benchMerge } from './bench/merge.mjs';
import { renderAllRuns, renderBundles, renderCli, renderFetch, renderHeader } from './bench/report.mjs';
import { GNU_TIME, hasGnuTime, runOnce, startEmulator } from './bench/run.mjs';
import { summarize } from './bench/stats.mjs';
import * as tools from './bench/tools.mjs';

function options(argv) {
  const opts = { runs: 20, warmups: 2, faults: false, slowRuns: 1, out: join(tools.ROOT, 'BENCHMARKS.md') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (min, max) => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${arg} needs a whole number ${min}–${max}`);
      return n;
    };
    if (arg === '--faults') opts.faults = true;
    else if (arg === '--runs') opts.runs = number(1, 200);
    else if (arg === '--warmups') opts.warmups = number(0, 10);
    else if (arg === '--slow-runs') opts.slowRuns = number(1, 3);
    else if (arg === '--out') opts.out = argv[++i];
    else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const firstLine = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();

function machine() {
  const node24 = existsSync(tools.NODE24) ? firstLine(tools.NODE24, ['--version']) : undefined;
  return {
    cpus: os.cpus().length,
    nproc: firstLine('nproc', []),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memGiB: (os.totalmem() / 2 ** 30).toFixed(0),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    node24,
    curl: firstLine('curl', ['--version']).split(' (')[0],
  };
}

/** The healthy-path commands, in the order each round runs them. Missing bundles are left out (and reported). */
function healthyTools(url, node24) {
  const list = [tools.nodeEmpty(), tools.curl(url), tools.httpFloor(url), tools.fetchFloor(url)];
  if (node24) {
    list.push({ ...tools.httpFloor(url, tools.NODE24), id: 'http24', label: 'node:http two GETs (Node 24)' });
    list.push({
      ...tools.fetchFloor(url, tools.NODE24),
      id: 'fetch24',
      label: 'built-in fetch two GETs (Node 24)',
    });
  }
  if (existsSync(tools.BUNDLES.cli)) list.push(tools.cli(url));
  if (existsSync(tools.BUNDLES.action)) list.push(tools.githubAction(url));
  if (existsSync(tools.BUNDLES.ado)) list.push(tools.azureDevOpsTask(url));
  return list;
}

async function measureHealthy(url, { runs, warmups }, node24) {
  const list = healthyTools(url, node24);
  const samples = new Map(list.map((t) => [t.id, []]));
  for (let round = 0; round < warmups + runs; round++) {
    log(`healthy round ${round + 1}/${warmups + runs}${round < warmups ? ' (warm-up)' : ''}`);
    for (const tool of list) {
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

/** Verdict times the netns suite left in build/ (netns-verdicts.json, netns-vm-times.json, …), if any. */
function readNetns() {
  const dir = join(tools.ROOT, 'build');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^netns-[\w-]+\.json$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return {
        name,
        mtime: statSync(file).mtime.toISOString(),
        data: JSON.parse(readFileSync(file, 'utf8')),
      };
    });
}

async function main() {
  if (process.argv.includes('--merge')) return benchMerge(process.argv.slice(2), log);
  const opts = options(process.argv.slice(2));
  const info = machine();
  if (!hasGnuTime()) log(`${GNU_TIME} is missing: peak RSS will show n/a (install Debian package 'time')`);
  // Sizes are taken before measuring; a bundle rebuilt mid-run (a shared tree) is flagged in the output.
  const stamp = () => Object.values(tools.BUNDLES).map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0));
  const before = stamp();
  const sizes = Object.fromEntries(
    Object.entries(tools.BUNDLES).map(([id, path]) => [id, tools.bundleSize(path)]),
  );
  const emulator = await startEmulator(tools.BUNDLES.cli, 'healthy');
  let healthy;
  try {
    healthy = await measureHealthy(emulator.url, opts, info.node24);
  } finally {
    await emulator.stop();
  }
  const faults = opts.faults ? await measureFaults({ slowRuns: opts.slowRuns, log }) : undefined;
  const byId = Object.fromEntries(healthy.map((r) => [r.tool.id, r]));
  const changed = stamp().some((mtime, i) => mtime !== before[i]);
  if (changed) log('WARNING: a bundle in dist/ changed during the run; run the bench again');
  const pairs = [{ runtime: `Node ${info.node}`, http: byId.http, fetch: byId.fetch }];
  if (byId.http24) pairs.push({ runtime: `Node ${info.node24}`, http: byId.http24, fetch: byId.fetch24 });
  const args = process.argv.slice(2);
  const text = [
    renderHeader({
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: info,
      commandLine: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
      n: opts.runs,
      warmups: opts.warmups,
      rssMethod: hasGnuTime()
        ? '`/usr/bin/time -f %M` (GNU time; the largest single process, as wait4 reports it).'
        : 'not measured: `/usr/bin/time` is missing on this machine.',
    }),
    changed ? '> **Warning:** a bundle in `dist/` was rebuilt during this run. Run the bench again.\n' : '',
    renderAllRuns(healthy),
    renderCli(byId),
    renderBundles(byId, sizes),
    renderFetch(pairs),
    renderFaults(faults, FAULT_CAP_MS / 1000),
    renderNetns(readNetns()),
    keptMergeSection(opts.out),
  ]
    .filter((part) => part !== '')
    .join('\n');
  writeFileSync(opts.out, text);
  log(`wrote ${opts.out}`);
}

main().catch((err) => {
  log(`failed: ${err.message}`);
  process.exitCode = 1;
});
