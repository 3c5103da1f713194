// The merge engine without files: parsing a report into a row, the integrity rules, newest-wins per vmId inside
// one leg folder, conflicts across folders, missing and invalid rows, too many machines, a stopped scan,
// allow-codes, min-pass as a count or an exact share, and the counts per result, code and location.
import { describe, expect, it } from '@jest/globals';
import {
  createFleet,
  parseMachineReport,
  requiredToPass,
  type FleetReport,
  type MergePolicy,
} from '../../../src/core/fleet/index.js';
import { guid, MERGE_TIME, reportDoc, reportText, type ReportSpec } from '../../helpers/fleet-reports.js';

const policy = (over: Partial<MergePolicy> = {}): MergePolicy => ({
  expected: null,
  minPass: { kind: 'percent', value: 10_000, text: '100%' },
  allowCodes: [],
  ...over,
});
const META = { toolVersion: '9.9.9', generatedAt: new Date(MERGE_TIME).toISOString() };
const parse = (text: string, source: string) => parseMachineReport(text, source, MERGE_TIME);

function merge(files: [string, string][], p: MergePolicy = policy(), stopped: string[] = []): FleetReport {
  const fleet = createFleet();
  for (const detail of stopped) fleet.scanStopped(detail);
  for (const [source, text] of files) fleet.add(parse(text, source));
  return fleet.finish(p, META);
}
const file = (source: string, spec: ReportSpec): [string, string] => [source, reportText(spec)];
const NOT_FOUND: [string, string, string][] = [
  ['environment', 'pass', 'ok'],
  ['token', 'fail', 'token_identity_not_found'],
];

describe('parseMachineReport', () => {
  it('takes the machine facts, the mode and the failing and warning checks of a real-shaped report', () => {
    const parsed = parse(
      reportText({
        vmId: guid(1).toUpperCase(),
        name: 'vm-1',
        location: 'westeurope',
        mode: 'arc',
        checks: [
          ['environment', 'warn', 'proxy_without_imds_bypass'],
          ['token', 'fail', 'token_identity_not_found'],
        ],
      }),
      'a/report.json',
    );
    expect(parsed.key).toBe(`vm:${guid(1)}`);
    expect(parsed.row).toMatchObject({
      name: 'vm-1',
      location: 'westeurope',
      mode: 'arc',
      result: 'fail',
      failing: [{ check: 'token', code: 'token_identity_not_found' }],
      warnings: [{ check: 'environment', code: 'proxy_without_imds_bypass' }],
      source: 'a/report.json',
      reason: '',
    });
    expect(parsed.startedMs).toBe(Date.parse('2026-11-25T10:00:00.000Z'));
  });

  it.each([
    ['not valid JSON', '{"schemaVersion": 1,'],
    ['not a JSON object', '[1,2]'],
    ['schemaVersion is not 1', JSON.stringify({ ...reportDoc(), schemaVersion: 2 })],
    ['schemaVersion is not 1', JSON.stringify({ ...reportDoc(), schemaVersion: '1' })],
    ['no checks list', JSON.stringify({ ...reportDoc(), checks: {} })],
    ['result is not pass, warn or fail', JSON.stringify({ ...reportDoc(), result: 'great' })],
    ['a fleet report, not a machine report', JSON.stringify({ kind: 'fleet', schemaVersion: 1 })],
  ])('an invalid file says why in our words: %s', (reason, text) => {
    const { row, key } = parse(text, 'x.json');
    expect(row).toMatchObject({ result: 'invalid', reason, failing: [{ code: 'fleet_report_invalid' }] });
    expect(key).toBe('file:x.json');
  });

  it('never quotes the file in the reason (the JSON parser would)', () => {
    const { row } = parse('{"a": ##vso[task.complete]', 'x.json');
    expect(row.reason).toBe('not valid JSON');
  });

  it('a stated pass with a failing check is a fail; a byte-order mark is accepted', () => {
    const forged = JSON.stringify(reportDoc({ vmId: guid(1), result: 'pass', checks: NOT_FOUND }));
    expect(parse(`\ufeff${forged}`, 'x.json').row.result).toBe('fail');
    const warned = JSON.stringify(
      reportDoc({
        vmId: guid(1),
        result: 'pass',
        checks: [['environment', 'warn', 'proxy_without_imds_bypass']],
      }),
    );
    expect(parse(warned, 'y.json').row.result).toBe('warn');
  });

  it('clips a long string to 512 characters and refuses a field longer than any report has, or 33 checks', () => {
    const long = reportDoc({
      vmId: guid(1),
      name: 'n'.repeat(4000),
      checks: [['token', 'fail', 'c'.repeat(600)]],
    });
    const { row } = parse(JSON.stringify(long), 'x.json');
    expect([row.result, row.name.length, row.failing[0]!.code.length]).toEqual(['fail', 512, 512]);
    expect(row.name.endsWith('…')).toBe(true);
    const oversize = parse(JSON.stringify(reportDoc({ vmId: guid(1), name: 'n'.repeat(4097) })), 'x.json');
    expect(oversize.row).toMatchObject({
      result: 'invalid',
      name: '',
      reason: 'machine.name is longer than 4096 characters',
    });
    const code = reportDoc({ vmId: guid(1), checks: [['token', 'fail', 'x'.repeat(9999)]] });
    expect(parse(JSON.stringify(code), 'x.json').row.reason).toBe(
      "a check's code is longer than 4096 characters",
    );
    const many = reportDoc({ vmId: guid(1) });
    (many['checks'] as unknown[]) = Array.from({ length: 33 }, (_, i) => ({
      id: `c${i}`,
      status: 'fail',
      code: 'x',
    }));
    expect(parse(JSON.stringify(many), 'x.json').row.reason).toBe('more than 32 checks');
  });

  it.each([
    ['no reachability check', { vmId: guid(1), noReachability: true }],
    ['startedAt is missing or not an ISO 8601 time', { vmId: guid(1), startedAt: 'yesterday' }],
    [
      'startedAt is missing or not an ISO 8601 time',
      { vmId: guid(1), startedAt: '+275760-09-13T00:00:00.000Z' },
    ],
    [
      'startedAt is later than the merge time plus 5 minutes',
      { vmId: guid(1), startedAt: '2026-11-25T12:05:00.001Z' },
    ],
    ['machine.vmId is not a GUID', { vmId: 'fake-1' }],
    ['machine.vmId is empty: IMDS named no machine; see its failing checks', {}],
  ] as [string, ReportSpec][])(
    'a report breaking an integrity rule is an invalid row: %s',
    (reason, spec) => {
      const { row, key } = parse(reportText(spec), 'leg/report.json');
      expect(row).toMatchObject({ result: 'invalid', reason });
      expect(row.failing[0]).toEqual({ check: 'report', code: 'fleet_report_invalid' });
      expect(key).toBe('file:leg/report.json');
    },
  );

  it('a startedAt up to 5 minutes past the merge time still counts (clocks differ a little)', () => {
    const { row } = parse(reportText({ vmId: guid(1), startedAt: '2026-11-25T12:05:00.000Z' }), 'x.json');
    expect(row.result).toBe('pass');
  });

  it('a report without vmId (nothing answered) is invalid but keeps its failing checks, keyed by its file', () => {
    const refused: [string, string, string][] = [['reachability', 'fail', 'connection_refused']];
    const { row, key } = parse(reportText({ checks: refused }), 'leg-3/report.json');
    expect(key).toBe('file:leg-3/report.json');
    expect(row.failing).toEqual([
      { check: 'report', code: 'fleet_report_invalid' },
      { check: 'reachability', code: 'connection_refused' },
    ]);
  });

  it('the rows of issue 17 do not count: no checks and a non-GUID vmId, or a far-future start', () => {
    const fake = JSON.stringify({
      schemaVersion: 1,
      result: 'pass',
      checks: [],
      machine: { vmId: 'fake-1' },
    });
    expect(parse(fake, 'x.json').row).toMatchObject({ result: 'invalid', reason: 'no reachability check' });
    const future = reportText({ vmId: guid(2), startedAt: '+275760-09-13T00:00:00.000Z' });
    expect(parse(future, 'y.json').row.result).toBe('invalid');
  });
});

describe('createFleet', () => {
  it('keeps the newest report per vmId inside one leg folder and lists the older ones as superseded', () => {
    const report = merge([
      file('leg-1/run-1.json', {
        vmId: guid(1),
        name: 'vm-1',
        startedAt: '2026-11-25T10:00:00Z',
        checks: NOT_FOUND,
      }),
      file('leg-1/run-2.json', {
        vmId: guid(1).toUpperCase(),
        name: 'vm-1',
        startedAt: '2026-11-25T11:00:00Z',
      }),
      file('leg-1/run-0.json', {
        vmId: guid(1),
        name: 'vm-1',
        startedAt: '2026-11-25T09:00:00Z',
        checks: NOT_FOUND,
      }),
    ]);
    expect(report.machines.map((m) => [m.source, m.result])).toEqual([['leg-1/run-2.json', 'pass']]);
    expect(report.superseded.map((s) => [s.source, s.supersededBy])).toEqual([
      ['leg-1/run-0.json', 'leg-1/run-2.json'],
      ['leg-1/run-1.json', 'leg-1/run-2.json'],
    ]);
    expect(report.counts).toMatchObject({ machines: 1, passed: 1, superseded: 2, conflicts: 0 });
    expect([report.result, report.gateFailures]).toEqual(['pass', []]);
  });

  it('one vmId from two leg folders is one conflict row naming both, never a supersede, and fails the gate', () => {
    // Issue 17: leg C writes a passing report with machine B's vmId next to its own.
    const report = merge(
      [
        file('leg-a/report.json', { vmId: guid(1), name: 'vm-a' }),
        file('leg-b/report.json', { vmId: guid(2), name: 'vm-b', checks: NOT_FOUND }),
        file('leg-c/report.json', { vmId: guid(3), name: 'vm-c' }),
        file('leg-c/b.json', {
          vmId: guid(2).toUpperCase(),
          name: 'vm-b',
          startedAt: '2026-11-25T12:04:00Z',
        }),
      ],
      policy({ expected: 3, minPass: { kind: 'percent', value: 6000, text: '60%' } }),
    );
    expect(report.superseded).toEqual([]);
    const row = report.machines.find((m) => m.vmId.toLowerCase() === guid(2))!;
    expect(row).toMatchObject({
      result: 'conflict',
      source: 'leg-b/report.json',
      reason: 'the same vmId from 2 leg folders: leg-b/report.json (fail), leg-c/b.json (pass)',
      failing: [
        { check: 'report', code: 'fleet_vmid_conflict' },
        { check: 'token', code: 'token_identity_not_found' },
      ],
    });
    expect(report.conflicts).toEqual([
      {
        vmId: guid(2),
        reports: [
          {
            source: 'leg-b/report.json',
            name: 'vm-b',
            result: 'fail',
            startedAt: '2026-11-25T10:00:00.000Z',
          },
          { source: 'leg-c/b.json', name: 'vm-b', result: 'pass', startedAt: '2026-11-25T12:04:00Z' },
        ],
      },
    ]);
    expect(report.counts).toMatchObject({ machines: 3, passed: 2, failed: 1, conflicts: 1 });
    // 2 of 3 pass and 60% needs 2, yet the gate fails.
    expect(report.gateFailures).toEqual([
      { code: 'fleet_vmid_conflict', detail: '1 vmId was reported from more than one leg folder' },
    ]);
    expect(report.result).toBe('fail');
  });

  it('a forged far-future report of another machine is invalid and cannot supersede its real one', () => {
    const report = merge(
      [
        file('leg-b/report.json', { vmId: guid(2), name: 'vm-b', checks: NOT_FOUND }),
        file('leg-b/forged.json', { vmId: guid(2), name: 'vm-b', startedAt: '+275760-09-13T00:00:00.000Z' }),
      ],
      policy({ expected: 2 }),
    );
    expect(report.machines.map((m) => [m.source, m.result])).toEqual([
      ['leg-b/forged.json', 'invalid'],
      ['leg-b/report.json', 'fail'],
    ]);
    expect([report.superseded, report.result]).toEqual([[], 'fail']);
  });

  it('the winner does not depend on the order reports are read in (a tie goes to the later file name)', () => {
    const a = file('a.json', { vmId: guid(1), name: 'A' });
    const b = file('b.json', { vmId: guid(1), name: 'B' });
    expect(merge([a, b]).machines[0]!.name).toBe('B');
    expect(merge([b, a]).machines[0]!.name).toBe('B');
  });

  it('an invalid file is a failed row, never dropped; machines short of expected are missing rows', () => {
    const report = merge(
      [file('a.json', { vmId: guid(1), name: 'vm-1' }), ['bad.json', 'not json']],
      policy({ expected: 4 }),
    );
    expect(report.machines.map((m) => m.result)).toEqual(['pass', 'invalid', 'missing', 'missing']);
    expect(report.counts).toEqual({
      machines: 4,
      passed: 1,
      warned: 0,
      failed: 3,
      missing: 2,
      invalid: 1,
      conflicts: 0,
      superseded: 0,
    });
    expect(report.codes).toEqual([
      { code: 'fleet_machine_missing', failed: 2, allowed: 0, warned: 0 },
      { code: 'fleet_report_invalid', failed: 1, allowed: 0, warned: 0 },
    ]);
    expect(report.result).toBe('fail');
  });

  it('more machines than expected fail the gate, and a min-pass share counts against expected', () => {
    // Issue 17: 3 real failing machines and 20 passing rows beyond them, --expected 3 --min-pass 80%.
    const real = [1, 2, 3].map((n) => file(`leg-${n}/report.json`, { vmId: guid(n), checks: NOT_FOUND }));
    const extra = Array.from({ length: 20 }, (_, i) => file(`leg-x/fake-${i}.json`, { vmId: guid(100 + i) }));
    const share = { kind: 'percent', value: 8000, text: '80%' } as const;
    const report = merge([...real, ...extra], policy({ expected: 3, minPass: share }));
    expect(report.counts).toMatchObject({ machines: 23, passed: 20, failed: 3, missing: 0 });
    expect(report.policy.required).toBe(3);
    expect(report.gateFailures).toEqual([
      { code: 'fleet_too_many_machines', detail: '23 machines reported, 3 expected' },
    ]);
    expect(report.result).toBe('fail');
    // Exactly expected: only the count decides.
    const fits = merge([...real.slice(0, 1), ...extra.slice(0, 2)], policy({ expected: 3, minPass: share }));
    expect([fits.gateFailures, fits.policy.required, fits.result]).toEqual([[], 3, 'fail']);
    expect(requiredToPass(policy({ expected: 10, minPass: share }), 23)).toBe(8);
  });

  it('a scan stopped at a limit fails the gate, whatever the rows found say', () => {
    const report = merge([file('leg-1/report.json', { vmId: guid(1) })], policy(), [
      'stopped after 3 files; merge fewer reports at a time',
      'stopped after 3 files; merge fewer reports at a time',
    ]);
    expect(report.counts).toMatchObject({ machines: 1, passed: 1 });
    expect(report.gateFailures).toEqual([
      { code: 'fleet_scan_incomplete', detail: 'stopped after 3 files; merge fewer reports at a time' },
    ]);
    expect(report.result).toBe('fail');
  });

  it('allow-codes lets a machine through only when every failing code is allowed', () => {
    const both: [string, string, string][] = [...NOT_FOUND, ['metadata', 'fail', 'metadata_not_found']];
    const report = merge(
      [
        file('1.json', { vmId: guid(1), name: 'only-allowed', checks: NOT_FOUND }),
        file('2.json', { vmId: guid(2), name: 'also-another', checks: both }),
      ],
      policy({ allowCodes: ['token_identity_not_found'] }),
    );
    expect(report.machines.map((m) => [m.name, m.result, m.allowed])).toEqual([
      ['also-another', 'fail', false],
      ['only-allowed', 'fail', true],
    ]);
    expect(report.counts).toMatchObject({ passed: 0, warned: 1, failed: 1 });
    // Most failing machines first, then most let through.
    expect(report.codes).toEqual([
      { code: 'token_identity_not_found', failed: 1, allowed: 1, warned: 0 },
      { code: 'metadata_not_found', failed: 1, allowed: 0, warned: 0 },
    ]);
  });

  it('warnings pass the gate and are counted as warned', () => {
    const report = merge([
      file('1.json', { vmId: guid(1), checks: [['environment', 'warn', 'proxy_without_imds_bypass']] }),
    ]);
    expect([report.result, report.counts.warned]).toEqual(['pass', 1]);
    expect(report.codes).toEqual([{ code: 'proxy_without_imds_bypass', failed: 0, allowed: 0, warned: 1 }]);
  });

  it('min-pass: a share is exact (95% of 20 needs 19) and a count can exceed the fleet', () => {
    const files = Array.from({ length: 20 }, (_, i) =>
      file(`${i}.json`, { vmId: guid(i), checks: i === 0 ? NOT_FOUND : undefined }),
    );
    expect(merge(files, policy({ minPass: { kind: 'percent', value: 9500, text: '95%' } })).result).toBe(
      'pass',
    );
    expect(merge(files, policy({ minPass: { kind: 'percent', value: 9501, text: '95.01%' } })).result).toBe(
      'fail',
    );
    expect(merge(files, policy({ minPass: { kind: 'count', value: 19, text: '19' } })).result).toBe('pass');
    expect(merge(files, policy({ minPass: { kind: 'count', value: 21, text: '21' } })).result).toBe('fail');
    expect(requiredToPass(policy({ minPass: { kind: 'percent', value: 3333, text: '33.33%' } }), 3)).toBe(1);
    expect(requiredToPass(policy({ minPass: { kind: 'percent', value: 0, text: '0%' } }), 7)).toBe(0);
  });

  it('no report at all never passes, even with min-pass 0', () => {
    const report = merge([], policy({ minPass: { kind: 'count', value: 0, text: '0' } }));
    expect([report.result, report.counts.machines]).toEqual(['fail', 0]);
  });

  it('counts machines per location, busiest first, with passed, warned and failed', () => {
    const report = merge([
      file('1.json', { vmId: guid(1), location: 'westeurope' }),
      file('2.json', { vmId: guid(2), location: 'westeurope', checks: NOT_FOUND }),
      file('3.json', { vmId: guid(3), location: 'eastus' }),
    ]);
    expect(report.locations).toEqual([
      { location: 'westeurope', machines: 2, passed: 1, warned: 0, failed: 1 },
      { location: 'eastus', machines: 1, passed: 1, warned: 0, failed: 0 },
    ]);
  });

  it('rows are sorted by name (unnamed last), and the report carries the policy and tool', () => {
    const report = merge(
      [
        file('z.json', { vmId: guid(1), name: 'b' }),
        file('y.json', { vmId: guid(2), name: 'a' }),
        file('x.json', {}),
      ],
      policy({ allowCodes: ['token_identity_not_found'], expected: 3 }),
    );
    expect(report.machines.map((m) => m.name || m.source)).toEqual(['a', 'b', 'x.json']);
    expect(report).toMatchObject({
      kind: 'fleet',
      schemaVersion: 1,
      tool: { name: 'imds-check', version: '9.9.9' },
      generatedAt: META.generatedAt,
      policy: { expected: 3, minPass: '100%', allowCodes: ['token_identity_not_found'], required: 3 },
    });
  });
});
