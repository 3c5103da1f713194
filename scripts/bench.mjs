// `npm run bench`: measures the front doors against the floors users already have and writes BENCHMARKS.md;
// prints the start-up ratios (CLI, Action and task against the node:http floor) on stdout.
// Options: --runs N (default 20), --warmups N (default 2), --faults (adds the slow fault-verdict section),
// --slow-runs N (1–3 runs of each slow fault, default 1), --out FILE (default BENCHMARKS.md),
// --compile-cache (adds Node's compile cache, cold and warm, on Node ≥ 22.1), --no-netns (loopback rows only;
// by default, as root, the doors also run with default inputs at 169.254.169.254 inside a private namespace).
// --merge runs only the fleet merge section (scripts/bench/merge.mjs: --runs N, --reports N, --cli FILE) and
// --code-cache only the CLI code cache section (scripts/bench/cli-code-cache.mjs: --runs N, --cli DIR); each
// keeps the rest of the file, and a full run keeps both sections. --baseline DIR also runs the doors of the
// checkout at DIR (built dist/, e.g. `git worktree add /tmp/base <commit>`) in the same rounds and adds a
// before/after section.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { renderCompileCache } from './bench/compile-cache.mjs';
import { FAULT_CAP_MS, measureFaults } from './bench/faults.mjs';
import { keptSection as keptCodeCacheSection, main as benchCodeCache } from './bench/cli-code-cache.mjs';
import { measure } from './bench/measure.mjs';
import { keptSection as keptMergeSection, main as benchMerge } from './bench/merge.mjs';
import { IMDS_ADDRESS, netnsUnavailable, openBenchNetns } from './bench/netns.mjs';
import { runtimesOf, startupPlan } from './bench/plan.mjs';
import { baselineSummaryLines, renderBaseline } from './bench/report-baseline.mjs';
import { renderFaults, renderNetns } from './bench/report-faults.mjs';
import { renderStartup, startupSummaryLines } from './bench/report-startup.mjs';
import { renderAllRuns, renderFetch, renderHeader } from './bench/report.mjs';
import { GNU_TIME, hasGnuTime, startEmulator } from './bench/run.mjs';
import * as tools from './bench/tools.mjs';

function options(argv) {
  const opts = {
    runs: 20,
    warmups: 2,
    faults: false,
    slowRuns: 1,
    out: join(tools.ROOT, 'BENCHMARKS.md'),
    compileCache: false,
    netns: true,
  };
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
    else if (arg === '--compile-cache') opts.compileCache = true;
    else if (arg === '--no-netns') opts.netns = false;
    else if (arg === '--baseline') opts.baseline = baselineDir(argv[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

/** The baseline checkout: absolute, with the three built doors, and not this checkout. */
function baselineDir(dir) {
  if (!dir) throw new Error('--baseline needs the folder of another checkout with its dist/ built');
  const root = resolve(dir);
  if (root === resolve(tools.ROOT)) throw new Error('--baseline names this checkout: give another one');
  const missing = Object.values(tools.bundlesAt(root)).filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`--baseline ${root}: missing ${missing.join(', ')}`);
  return root;
}

/** The baseline as shown: its short commit when it is a git checkout, else its path. */
function baselineName(root) {
  try {
    return `\`${firstLine('git', ['-C', root, 'log', '-1', '--format=%h'])}\``;
  } catch {
    return `\`${root}\``;
  }
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

/** The namespace for the default-address rows, or null with the reason logged. */
async function openNetns(opts) {
  if (!opts.netns) return { ns: null, why: 'left out (--no-netns)' };
  const why = netnsUnavailable();
  if (why) return { ns: null, why: `not measured: ${why}` };
  return { ns: await openBenchNetns(tools.BUNDLES.cli), why: null };
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
  if (process.argv.includes('--code-cache')) return benchCodeCache(process.argv.slice(2), log);
  const opts = options(process.argv.slice(2));
  const info = machine();
  if (!hasGnuTime()) log(`${GNU_TIME} is missing: peak RSS will show n/a (install Debian package 'time')`);
  // Sizes are taken before measuring; a bundle rebuilt mid-run (a shared tree) is flagged in the output.
  const stamp = () => Object.values(tools.BUNDLES).map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0));
  const before = stamp();
  const sizes = Object.fromEntries(
    Object.entries(tools.BUNDLES).map(([id, path]) => [id, tools.bundleSize(path)]),
  );
  // The CLI's entry file is its code-cache loader; what it parses is the bundle beside it, with or without cache.
  sizes.cli = sizes['cli-nocache'] = tools.bundleSize(tools.CLI_BUNDLE);
  const emulator = await startEmulator(tools.BUNDLES.cli, 'healthy');
  let netns = { ns: null, why: null };
  let healthy;
  let plan;
  try {
    netns = await openNetns(opts);
    if (netns.why) log(`default-address rows ${netns.why}`);
    const runtimes = runtimesOf(info.node, info.node24);
    plan = startupPlan({
      url: emulator.url,
      ns: netns.ns,
      runtimes,
      compileCache: opts.compileCache,
      baseline: opts.baseline,
    });
    healthy = await measure(plan.list, opts, log);
  } finally {
    await emulator.stop();
    await netns.ns?.close();
  }
  const faults = opts.faults ? await measureFaults({ slowRuns: opts.slowRuns, log }) : undefined;
  const byId = Object.fromEntries(healthy.map((r) => [r.tool.id, r]));
  const changed = stamp().some((mtime, i) => mtime !== before[i]);
  if (changed) log('WARNING: a bundle in dist/ changed during the run; run the bench again');
  const groups = plan.groups.map((g) => ({
    runtime: g.runtime,
    place: g.place,
    floor: byId[g.floorId],
    doors: Object.fromEntries(Object.entries(g.doorIds).map(([door, id]) => [door, byId[id]])),
    baseline: g.baselineIds
      ? Object.fromEntries(Object.entries(g.baselineIds).map(([door, id]) => [door, byId[id]]))
      : undefined,
  }));
  const pairs = plan.pairs.map((p) => ({ runtime: p.runtime, http: byId[p.httpId], fetch: byId[p.fetchId] }));
  const cacheRuntime = plan.cache[0]?.runtime;
  const cacheRows = plan.cache.map((c) => ({
    door: c.door === 'cli' ? 'CLI' : 'Action',
    plain: byId[c.plainId],
    cold: byId[c.coldId],
    warm: byId[c.warmId],
  }));
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
      netns: netns.why
        ? netns.why
        : `a private network namespace the bench creates and removes, holding only \`lo\` with ${IMDS_ADDRESS}/32 on it and the emulator on ${IMDS_ADDRESS}:80; the floor and the doors run with default inputs (no endpoint) through \`nsenter --net\`, whose exec adds about 1 ms to every such row, floor included.`,
    }),
    changed ? '> **Warning:** a bundle in `dist/` was rebuilt during this run. Run the bench again.\n' : '',
    renderStartup(groups, sizes),
    opts.baseline ? renderBaseline(groups, baselineName(opts.baseline)) : '',
    renderCompileCache(cacheRows, cacheRuntime && byId[plan.cache[0].floorId], cacheRuntime),
    renderAllRuns(healthy),
    renderFetch(pairs),
    renderFaults(faults, FAULT_CAP_MS / 1000),
    renderNetns(readNetns()),
    keptCodeCacheSection(opts.out),
    keptMergeSection(opts.out),
  ]
    .filter((part) => part !== '')
    .join('\n');
  writeFileSync(opts.out, text);
  log(`wrote ${opts.out}`);
  // The ratios on stdout: one line per Node and address, from this one interleaved run.
  process.stdout.write(`${[...startupSummaryLines(groups), ...baselineSummaryLines(groups)].join('\n')}\n`);
}

main().catch((err) => {
  log(`failed: ${err.message}`);
  process.exitCode = 1;
});
