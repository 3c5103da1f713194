// `npm run bench -- --merge [--runs N] [--reports N] [--cli FILE]` (or `node scripts/bench/merge.mjs`): times
// `imds-check merge` over generated reports (default 10,000, laid out as actions/download-artifact leaves
// them) as a cold process, median of N runs, with peak RSS from GNU time; then again over reports padded to
// several times their size, and over 300 reports of 4 MiB with one huge field each (issue 17: 1.3 GB RSS when
// a clipped field kept its whole string alive), to show that memory follows the rows kept, not the bytes read.
// --cli measures another build's dist/cli/index.js (an older commit, for a before/after figure). Writes its
// section of BENCHMARKS.md between markers, leaving the rest of the file alone.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { GNU_TIME, hasGnuTime, runOnce } from './run.mjs';
import { formatBytes, formatMiB, formatRange, formatSeconds, summarize } from './stats.mjs';
import { keptSection as keptMarked, markers, writeSection } from './sections.mjs';
import { markdownTable } from './table.mjs';
import { ROOT } from './tools.mjs';

const MARKERS = markers('merge-bench');
const TARGETS = { seconds: 5, mib: 300 };
const DEFAULT_CLI = join(ROOT, 'dist/cli/index.js');
/** Reports in the hostile row, and the size of each: the issue's 300 reports at the merge's 4 MiB limit. */
const HOSTILE = { count: 300, bytes: 4 * 1024 * 1024 };
const LOCATIONS = ['westeurope', 'northeurope', 'eastus', 'eastus2', 'westus3', 'uksouth', 'swedencentral'];

const guid = (n) => `${n.toString(16).padStart(8, '0')}-5e1f-4c2a-9d3b-${n.toString(16).padStart(12, '0')}`;

function check(id, title, status, code, message) {
  return {
    id,
    title,
    status,
    code,
    message,
    remediation: status === 'pass' ? 'Nothing to fix.' : `Fix for ${code}.`,
    durationMs: 12.5,
    attempts: 1,
    httpStatus: status === 'pass' ? 200 : 400,
    outcome: status === 'pass' ? '200' : '400',
  };
}

/** A report shaped like a real one (about 3 KB); machine n fails, warns or passes in a fixed pattern. */
function report(n, padding) {
  const failing = n % 10 === 3;
  const warning = n % 20 === 7;
  const name = `vm-${LOCATIONS[n % LOCATIONS.length]}-app-${String(n).padStart(5, '0')}`;
  const doc = {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: '1.0.0' },
    startedAt: new Date(Date.UTC(2026, 10, 25, 10, 0, n % 3600)).toISOString(),
    durationMs: 180,
    mode: { requested: 'auto', resolved: n % 5 === 0 ? 'arc' : 'vm', signal: 'default-vm' },
    endpoint: '',
    result: failing ? 'fail' : warning ? 'warn' : 'pass',
    reachable: true,
    failOn: 'never',
    checks: [
      check(
        'environment',
        'Environment',
        warning ? 'warn' : 'pass',
        warning ? 'proxy_without_imds_bypass' : 'ok',
        'HTTPS_PROXY is set and NO_PROXY does not cover 169.254.169.254; imds-check contacted IMDS directly.',
      ),
      check(
        'reachability',
        'Reachability',
        'pass',
        'ok',
        'IMDS answered on 169.254.169.254:80 in 2 ms (Server: IMDS/150.870.65.1854).',
      ),
      check(
        'metadata',
        'Instance metadata',
        'pass',
        'ok',
        `Instance metadata for ${name} (api-version 2025-04-07).`,
      ),
      check(
        'token',
        'Managed-identity token',
        failing ? 'fail' : 'pass',
        failing ? 'token_identity_not_found' : 'ok',
        failing
          ? 'IMDS answered 400 Identity not found.'
          : 'A token for https://management.azure.com/ came back, expiring in 24 h.',
      ),
    ],
    machine: {
      vmId: guid(n),
      name,
      resourceId: `/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-fleet-${n % 40}/providers/Microsoft.Compute/virtualMachines/${name}`,
      subscriptionId: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
      resourceGroup: `rg-fleet-${n % 40}`,
      location: LOCATIONS[n % LOCATIONS.length],
      azEnvironment: 'AzurePublicCloud',
      vmSize: 'Standard_D2s_v5',
      osType: n % 3 === 0 ? 'Windows' : 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: guid(n + 1e6),
      tenantId: guid(7),
      appId: guid(n + 2e6),
      audience: 'https://management.azure.com/',
      expiresOn: '2026-11-26T10:00:00Z',
      tokenType: 'Bearer',
    },
    waits: [],
  };
  // A sampled run carries a long series; padding stands in for it.
  if (padding > 0)
    doc.samples = { series: Array.from({ length: padding }, (_, i) => ({ n: i, ms: 3, code: 'ok' })) };
  return JSON.stringify(doc, null, 2);
}

/** A report of exactly `size` bytes whose machine name fills it: what a forged report at the size limit looks like. */
function hostileReport(n, size) {
  const doc = JSON.parse(report(n, 0));
  doc.machine.name = '';
  const rest = Buffer.byteLength(JSON.stringify(doc, null, 2));
  doc.machine.name = 'n'.repeat(size - rest);
  return JSON.stringify(doc, null, 2);
}

/** Writes `count` reports under dir/imds-check-reports/imds-check-report-<n>/report.json; returns the bytes written. */
function generate(dir, count, padding, hostileBytes = 0) {
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const folder = join(dir, 'imds-check-reports', `imds-check-report-${n}`);
    mkdirSync(folder, { recursive: true });
    const text = hostileBytes > 0 ? hostileReport(n, hostileBytes) : report(n, padding);
    writeFileSync(join(folder, 'report.json'), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

async function measure(cli, dir, count, runs, log) {
  const args = [
    cli,
    'merge',
    '--expected',
    String(count),
    '--report',
    join(dir, 'fleet.json'),
    '--markdown',
    join(dir, 'fleet.md'),
    'imds-check-reports',
  ];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir };
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const run = await runOnce(process.execPath, args, { env, cwd: dir, capMs: 120_000 });
    // Exit 1 is the expected verdict: one machine in ten fails its token check.
    if (run.code !== 1 || run.timedOut)
      throw new Error(
        `merge exited ${run.code}${run.timedOut ? ' (timed out)' : ''}: ${run.stderr.slice(0, 300)}`,
      );
    log(
      `merge of ${count} reports, run ${i + 1}/${runs + 1}${i === 0 ? ' (warm-up)' : ''}: ${formatSeconds(run.wallMs)} s`,
    );
    if (i > 0) samples.push(run);
  }
  const fleet = JSON.parse(readFileSync(join(dir, 'fleet.json'), 'utf8'));
  const peaks = samples.map((r) => r.peakKiB).filter((k) => k !== undefined);
  return {
    wall: summarize(samples.map((r) => r.wallMs)),
    peak: peaks.length ? summarize(peaks) : undefined,
    counts: fleet.counts,
  };
}

function render(results, { runs, count, date, cli }) {
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const rows = results.map((r) => [
    r.label,
    formatBytes(r.bytes),
    `${formatSeconds(r.wall.median)} (${formatRange(r.wall, formatSeconds)})`,
    r.peak ? `${formatMiB(r.peak.median)} (${formatMiB(r.peak.min)}–${formatMiB(r.peak.max)})` : 'n/a',
    `${met(r.wall.median <= TARGETS.seconds * 1000)} / ${r.peak ? met(r.peak.max / 1024 <= TARGETS.mib) : 'n/a'}`,
  ]);
  const c = results[0].counts;
  return [
    MARKERS.start,
    `## Issue 13: fleet merge of ${formatBytes(count)} reports`,
    '',
    `Generated by \`npm run bench -- --merge${runs !== 5 ? ` --runs ${runs}` : ''}${count !== 10_000 ? ` --reports ${count}` : ''}${cli === DEFAULT_CLI ? '' : ` --cli ${cli}`}\` on ${date} (${os.cpus().length} CPUs, Node ${process.version}). Each row: ${runs} cold run${runs === 1 ? '' : 's'} of \`node dist/cli/index.js merge --expected N --report fleet.json --markdown fleet.md imds-check-reports\` after one warm-up, over generated reports in one folder per machine (as \`actions/download-artifact\` leaves them). Peak RSS: ${hasGnuTime() ? `\`${GNU_TIME} -f %M\`` : 'not measured (no GNU time)'}. Targets: at most ${TARGETS.seconds} s and ${TARGETS.mib} MiB.`,
    '',
    markdownTable(
      [
        'reports',
        'bytes read',
        'median s (min–max)',
        'peak RSS MiB median (min–max)',
        'targets (time / memory)',
      ],
      rows,
      ['l', 'r', 'r', 'r', 'l'],
    ),
    '',
    `The fleet: ${c.machines} machines, ${c.passed} passed, ${c.warned} warned, ${c.failed} failed. The padded row reads ${Math.round(results[1].bytes / results[0].bytes)} times the bytes (a long \`samples.series\` per report); its peak RSS stays close to the first row's, because reports are read one at a time and only their rows are kept. The last row is issue 17's: ${HOSTILE.count} reports of ${formatMiB(HOSTILE.bytes / 1024)} MiB whose machine name fills the file; the merge refuses a field longer than 4096 characters (the row is invalid) and keeps a copy of at most 512 characters of any other, so no report's text stays alive with its row (before, a clipped name kept its whole string: 1.3 GB RSS).`,
    MARKERS.end,
  ].join('\n');
}

/** The merge section of `file`, for the full bench to keep when it rewrites the file; '' when there is none. */
export const keptSection = (file) => keptMarked(file, MARKERS);

export async function main(argv, log = (line) => process.stderr.write(`bench: ${line}\n`)) {
  const opts = { runs: 5, reports: 10_000, out: join(ROOT, 'BENCHMARKS.md'), cli: DEFAULT_CLI };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--merge') continue;
    if (arg === '--out') opts.out = argv[++i];
    else if (arg === '--cli') opts.cli = argv[++i];
    else if (arg === '--runs' || arg === '--reports') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > (arg === '--runs' ? 50 : 100_000))
        throw new Error(`${arg} needs a whole number`);
      opts[arg.slice(2)] = n;
    } else
      throw new Error(`unknown option ${arg} (with --merge: --runs N, --reports N, --cli FILE, --out FILE)`);
  }
  if (!existsSync(opts.cli)) throw new Error(`${opts.cli} is missing: run \`npm run bundle\``);
  const results = [];
  for (const [label, count, padding, hostile] of [
    [`${formatBytes(opts.reports)} reports`, opts.reports, 0, 0],
    [`${formatBytes(opts.reports)} padded reports`, opts.reports, 200, 0],
    [`${HOSTILE.count} reports of 4 MiB, one huge field each`, HOSTILE.count, 0, HOSTILE.bytes],
  ]) {
    const dir = mkdtempSync(join(os.tmpdir(), 'imds-bench-merge-'));
    try {
      log(`generating ${count} reports${padding ? ' (padded)' : ''}${hostile ? ' (hostile)' : ''} in ${dir}`);
      const bytes = generate(dir, count, padding, hostile);
      results.push({ label, bytes, ...(await measure(opts.cli, dir, count, opts.runs, log)) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const section = render(results, {
    runs: opts.runs,
    count: opts.reports,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cli: opts.cli,
  });
  writeSection(opts.out, section, MARKERS);
  log(`wrote the merge section of ${opts.out}`);
  process.stdout.write(`${section}\n`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`bench: failed: ${err.message}\n`);
    process.exitCode = 1;
  });
}
