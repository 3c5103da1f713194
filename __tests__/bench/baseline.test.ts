// `npm run bench -- --baseline DIR`: another build's doors measured in the same rounds as this build's, and the
// before/after section made from them. The timings themselves are only measured by `npm run bench`.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startupPlan } from '../../scripts/bench/plan.mjs';
import {
  baselineRows,
  baselineSummaryLines,
  changeText,
  renderBaseline,
  type BaselineGroup,
} from '../../scripts/bench/report-baseline.mjs';
import { removeScratch, ROOT } from '../../scripts/bench/tools.mjs';

const summary = (median: number) => ({ median, min: median, max: median, n: 1 });
const measured = (ms: number, kib: number) => ({ wall: summary(ms), peak: summary(kib) });

describe('the baseline commands', () => {
  let base: string;
  beforeAll(() => {
    // A stand-in checkout: the doors read their defaults from its manifests, not from this one's.
    base = mkdtempSync(join(tmpdir(), 'imds-bench-baseline-'));
    copyFileSync(join(ROOT, 'action.yml'), join(base, 'action.yml'));
    copyFileSync(join(ROOT, 'task.json'), join(base, 'task.json'));
  });
  afterAll(() => {
    removeScratch();
    rmSync(base, { recursive: true, force: true });
  });
  const runtimes = [{ key: 'node', label: 'Node vX', path: process.execPath, version: 'v20.0.0' }];
  const url = 'http://127.0.0.1:39998';

  it('adds the three doors of the other checkout, at the same address, with ids of their own', () => {
    const plan = startupPlan({ url, ns: null, runtimes, baseline: base });
    const group = plan.groups[0]!;
    expect(Object.keys(group.baselineIds!)).toEqual(['cli', 'action', 'ado']);
    const byId = new Map(plan.list.map((c) => [c.id, c]));
    expect(byId.size).toBe(plan.list.length);
    const cli = byId.get(group.baselineIds!['cli']!)!;
    expect(cli.args).toEqual([join(base, 'dist/cli/index.js'), '--endpoint', url]);
    expect(byId.get(group.doorIds['cli']!)!.args[0]).toBe(join(ROOT, 'dist/cli/index.js'));
    expect(byId.get(group.baselineIds!['action']!)!.args).toEqual([join(base, 'dist/index.js')]);
    expect(byId.get(group.baselineIds!['action']!)!.env['INPUT_ENDPOINT']).toBe(url);
    expect(byId.get(group.baselineIds!['ado']!)!.args).toEqual([join(base, 'dist/azure-devops/index.js')]);
    expect(cli.label).toMatch(/baseline build/);
  });

  it('adds nothing without --baseline', () => {
    const plan = startupPlan({ url, ns: null, runtimes });
    expect(plan.groups[0]!.baselineIds).toBeUndefined();
    expect(plan.list.some((c) => c.id.includes('baseline'))).toBe(false);
  });
});

describe('the before/after section', () => {
  const group = (cliNow: number, cliBefore: number): BaselineGroup => ({
    runtime: 'Node v20.0.0',
    place: 'loopback emulator',
    floor: measured(80, 40_000),
    doors: { cli: measured(cliNow, 46_000), action: measured(120, 47_000), ado: measured(160, 50_000) },
    baseline: { cli: measured(cliBefore, 45_000), action: measured(125, 46_000) },
  });

  it('gives the change of each median as measured, with its sign', () => {
    expect(changeText(103, 100)).toBe('+3.0%');
    expect(changeText(96, 100)).toBe('-4.0%');
    expect(changeText(100, 100)).toBe('+0.0%');
  });

  it('has a row per door measured in both builds, and leaves out a door the baseline lacks', () => {
    const rows = baselineRows([group(100, 96)]);
    expect(rows.map((r) => r.door)).toEqual(['CLI', 'Action']);
    expect(rows[0]).toMatchObject({ before: 96, now: 100, time: '+4.2%', ratios: '1.20× → 1.25×' });
    expect(rows[1]!.time).toBe('-4.0%');
    expect(rows[0]!.memory).toMatch(/→ .* \(\+2\.2%\)$/);
  });

  it('prints one line per door and renders a table naming the baseline', () => {
    const [line] = baselineSummaryLines([group(100, 96)]);
    expect(line).toBe(
      'Node v20.0.0, loopback emulator: CLI 0.100 s vs baseline 0.096 s (+4.2%; floor ratio 1.20× → 1.25×)',
    );
    const text = renderBaseline([group(100, 96)], '`08ed080`');
    expect(text).toMatch(/^## Start-up against a baseline build \(`08ed080`\)/);
    expect(text).toContain('| Node v20.0.0 | loopback emulator | CLI | 0.096 → 0.100 | +4.2% |');
  });

  it('renders nothing when no group measured a baseline', () => {
    const { baseline: _unused, ...plain } = group(100, 96);
    expect(renderBaseline([plain], 'x')).toBe('');
  });
});
