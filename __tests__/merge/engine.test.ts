// The merge engine without files: parsing a report into a row, newest-wins per vmId, missing and invalid rows,
// allow-codes, min-pass as a count or an exact share, and the counts per result, code and location.
import { describe, expect, it } from '@jest/globals';
import {
  createFleet,
  parseMachineReport,
  requiredToPass,
  type FleetReport,
  type MergePolicy,
} from '../../src/core/fleet/index.js';
import { guid, reportDoc, reportText, type ReportSpec } from './fixtures.js';

const policy = (over: Partial<MergePolicy> = {}): MergePolicy => ({
  expected: null,
  minPass: { kind: 'percent', value: 10_000, text: '100%' },
  allowCodes: [],
  ...over,
});
const META = { toolVersion: '9.9.9', generatedAt: '2026-11-25T12:00:00.000Z' };

function merge(files: [string, string][], p: MergePolicy = policy()): FleetReport {
  const fleet = createFleet();
  for (const [source, text] of files) fleet.add(parseMachineReport(text, source));
  return fleet.finish(p, META);
}
const file = (source: string, spec: ReportSpec): [string, string] => [source, reportText(spec)];
const NOT_FOUND: [string, string, string][] = [
  ['environment', 'pass', 'ok'],
  ['token', 'fail', 'token_identity_not_found'],
];

describe('parseMachineReport', () => {
  it('takes the machine facts, the mode and the failing and warning checks of a real-shaped report', () => {
    const parsed = parseMachineReport(
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
    const { row, key } = parseMachineReport(text, 'x.json');
    expect(row).toMatchObject({ result: 'invalid', reason, failing: [{ code: 'fleet_report_invalid' }] });
    expect(key).toBe('file:x.json');
  });

  it('never quotes the file in the reason (the JSON parser would)', () => {
    const { row } = parseMachineReport('{"a": ##vso[task.complete]', 'x.json');
    expect(row.reason).toBe('not valid JSON');
  });

  it('a stated pass with a failing check is a fail; a byte-order mark is accepted', () => {
    const forged = JSON.stringify(reportDoc({ result: 'pass', checks: NOT_FOUND }));
    expect(parseMachineReport(`\ufeff${forged}`, 'x.json').row.result).toBe('fail');
    const warned = JSON.stringify(
      reportDoc({ result: 'pass', checks: [['environment', 'warn', 'proxy_without_imds_bypass']] }),
    );
    expect(parseMachineReport(warned, 'y.json').row.result).toBe('warn');
  });

  it('clips every string and keeps at most 32 checks per list, so a forged report cannot grow the merge', () => {
    const doc = reportDoc({ vmId: guid(1), name: 'n'.repeat(100_000), checks: [] });
    (doc['checks'] as unknown[]) = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      status: 'fail',
      code: 'x'.repeat(9999),
    }));
    const { row } = parseMachineReport(JSON.stringify(doc), 'x.json');
    expect(row.name.length).toBe(512);
    expect(row.failing).toHaveLength(32);
    expect(row.failing[0]!.code.length).toBe(512);
  });

  it('a report without vmId (nothing answered) is a machine of its own, keyed by its file', () => {
    expect(parseMachineReport(reportText({ checks: NOT_FOUND }), 'leg-3/report.json').key).toBe(
      'file:leg-3/report.json',
    );
  });
});

describe('createFleet', () => {
  it('keeps the newest report per vmId and lists the older ones as superseded', () => {
    const report = merge([
      file('run-1/vm-1.json', {
        vmId: guid(1),
        name: 'vm-1',
        startedAt: '2026-11-25T10:00:00Z',
        checks: NOT_FOUND,
      }),
      file('run-2/vm-1.json', {
        vmId: guid(1).toUpperCase(),
        name: 'vm-1',
        startedAt: '2026-11-25T11:00:00Z',
      }),
      file('run-0/vm-1.json', {
        vmId: guid(1),
        name: 'vm-1',
        startedAt: '2026-11-25T09:00:00Z',
        checks: NOT_FOUND,
      }),
    ]);
    expect(report.machines.map((m) => [m.source, m.result])).toEqual([['run-2/vm-1.json', 'pass']]);
    expect(report.superseded.map((s) => [s.source, s.supersededBy])).toEqual([
      ['run-0/vm-1.json', 'run-2/vm-1.json'],
      ['run-1/vm-1.json', 'run-2/vm-1.json'],
    ]);
    expect(report.counts).toMatchObject({ machines: 1, passed: 1, superseded: 2 });
    expect(report.result).toBe('pass');
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
      superseded: 0,
    });
    expect(report.codes).toEqual([
      { code: 'fleet_machine_missing', failed: 2, allowed: 0, warned: 0 },
      { code: 'fleet_report_invalid', failed: 1, allowed: 0, warned: 0 },
    ]);
    expect(report.result).toBe('fail');
  });

  it('more reports than expected: nothing is missing and the rows all count', () => {
    const report = merge(
      [1, 2, 3].map((n) => file(`${n}.json`, { vmId: guid(n), name: `vm-${n}` })),
      policy({ expected: 2 }),
    );
    expect(report.counts).toMatchObject({ machines: 3, missing: 0, passed: 3 });
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
