// The fleet renderers: Markdown (totals first, failing machines by code with each fix once, counts, passing
// machines collapsed), text, and JSON; fixes from remedies.ts only; forged values inert in every one; the
// summary stays under GitHub's 1 MiB limit for 10,000 machines.
import { describe, expect, it } from '@jest/globals';
import {
  createFleet,
  parseMachineReport,
  renderFleetJson,
  renderFleetMarkdown,
  renderFleetText,
  UNKNOWN_FIX,
  type FleetReport,
  type MergePolicy,
} from '../../../src/core/fleet/index.js';
import { HIMDS_BASE, IMDS_BASE } from '../../../src/core/imds/protocol.js';
import { arcProfile } from '../../../src/core/modes/arc.js';
import { vmProfile } from '../../../src/core/modes/vm.js';
import { endpointFacts } from '../../../src/core/pipeline/remedy-lookup.js';
import { remedyFor } from '../../../src/core/remedies.js';
import { MAX_SUMMARY_BYTES } from '../../../src/core/render/markdown.js';
import { mdText } from '../../../src/core/render/markdown-escape.js';
import { ACTION_SPELLING, TASK_SPELLING } from '../../../src/host/spelling.js';
import { commandProblems, INJECTIONS } from '../../helpers/injection.js';
import { guid, MERGE_TIME, reportText, type ReportSpec } from '../../helpers/fleet-reports.js';

const POLICY: MergePolicy = {
  expected: 6,
  minPass: { kind: 'percent', value: 10_000, text: '100%' },
  allowCodes: [],
};
const META = { toolVersion: '1.0.0', generatedAt: '2026-11-25T12:00:00.000Z' };
const NOT_FOUND: [string, string, string][] = [['token', 'fail', 'token_identity_not_found']];
const REFUSED: [string, string, string][] = [['reachability', 'fail', 'connection_refused']];

function fleet(specs: [string, ReportSpec | string][], policy = POLICY, stopped: string[] = []): FleetReport {
  const f = createFleet();
  for (const detail of stopped) f.scanStopped(detail);
  for (const [source, spec] of specs)
    f.add(parseMachineReport(typeof spec === 'string' ? spec : reportText(spec), source, MERGE_TIME));
  return f.finish(policy, META);
}

const SAMPLE = fleet([
  ['r/vm-1.json', { vmId: guid(1), name: 'vm-1', location: 'westeurope', checks: NOT_FOUND }],
  ['r/vm-2.json', { vmId: guid(2), name: 'vm-2', location: 'westeurope', checks: NOT_FOUND }],
  ['r/vm-3.json', { vmId: guid(3), name: 'vm-3', location: 'eastus' }],
  [
    'r/vm-4.json',
    {
      vmId: guid(4),
      name: 'vm-4',
      location: 'eastus',
      checks: [['environment', 'warn', 'proxy_without_imds_bypass']],
    },
  ],
  ['r/old-vm-3.json', { vmId: guid(3), name: 'vm-3', startedAt: '2026-01-01T00:00:00Z', checks: NOT_FOUND }],
  ['r/broken.json', '{"oops"'],
]);
const md = renderFleetMarkdown(SAMPLE, {
  spell: ACTION_SPELLING,
  codeLink: (c) => `https://docs.example/errors.md#${c}`,
});

describe('renderFleetMarkdown', () => {
  it('puts the totals first, then failing machines by code, counts, passing and superseded collapsed', () => {
    const at = (text: string): number => md.indexOf(text);
    const order = [
      at('## ❌ imds-check fleet: fail'),
      at('| Passed | Warned | Failed | of which invalid | of which missing | Machines |'),
      at('### Failing machines by code'),
      at('### Machines per code'),
      at('### Machines per location'),
      at('<details><summary>✅ 2 machines passing</summary>'),
      at('<details><summary>1 superseded report</summary>'),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('**2 of 6 machines pass, 6 needed (min-pass 100%, expected 6)**');
    expect(md).toContain('| 1 | 1 | 4 | 1 | 1 | 6 |');
  });

  it('groups the failing machines by code, most first, with the fix from remedies.ts once per code', () => {
    const groups = [...md.matchAll(/^#### \[`([a-z_]+)`\]\([^)]*\): (\d+) machines?$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(groups).toEqual([
      ['token_identity_not_found', '2'],
      ['fleet_machine_missing', '1'],
      ['fleet_report_invalid', '1'],
    ]);
    const fix = remedyFor('token_identity_not_found', {
      profile: vmProfile,
      platform: 'linux',
      spell: ACTION_SPELLING,
      endpoint: endpointFacts(IMDS_BASE),
    });
    expect(md.split(`**Fix:** ${mdText(fix)}`).length - 1).toBe(1);
    expect(md).not.toContain('FORGED FIX FROM THE FILE');
    expect(md).toContain('| vm-1 | ');
    expect(md).toContain('r/broken.json (not valid JSON)');
  });

  it('the fix names inputs the way the merge door writes them (Azure DevOps: camelCase)', () => {
    const task = renderFleetMarkdown(SAMPLE, { spell: TASK_SPELLING });
    expect(task).toContain('clientId, objectId, msiResId');
    expect(md).toContain('client-id, object-id, msi-res-id');
  });

  it('one fix per mode and platform when they differ, labelled; an unknown code gets no invented fix', () => {
    const report = fleet(
      [
        ['a.json', { vmId: guid(1), mode: 'vm', checks: REFUSED }],
        ['b.json', { vmId: guid(2), mode: 'arc', osType: 'Windows', checks: REFUSED }],
        ['c.json', { vmId: guid(3), checks: [['token', 'fail', 'code_from_the_future']] }],
      ],
      { ...POLICY, expected: null },
    );
    const text = renderFleetMarkdown(report, { spell: ACTION_SPELLING });
    expect(text).toContain('**Fix (Azure VM, Linux):**');
    expect(text).toContain('**Fix (Azure Arc, Windows):**');
    expect(text).toContain('Start-Service himds');
    expect(
      remedyFor('connection_refused', {
        profile: arcProfile,
        platform: 'win32',
        spell: ACTION_SPELLING,
        endpoint: endpointFacts(HIMDS_BASE),
      }),
    ).toContain('Start-Service himds');
    expect(text).toContain(`**Fix:** ${UNKNOWN_FIX}`);
  });

  it('a merge of nothing says so with the fleet_no_reports fix', () => {
    const text = renderFleetMarkdown(fleet([], { ...POLICY, expected: null }), { spell: ACTION_SPELLING });
    expect(text).toContain('## ❌ imds-check fleet: fail');
    expect(text).toMatch(/`fleet_no_reports`.*no report found/);
    expect(text).toContain('No report file matched.');
  });

  it('stays under the 1 MiB summary limit for 10,000 machines, failing or passing, and says where the rest is', () => {
    for (const checks of [undefined, NOT_FOUND]) {
      const big = fleet(
        Array.from({ length: 10_000 }, (_, i) => [
          `imds-check-reports/imds-check-report-${i}/report.json`,
          { vmId: guid(i), name: `vm-${'x'.repeat(40)}-${i}`, location: 'westeurope', checks },
        ]),
        { ...POLICY, expected: null },
      );
      const text = renderFleetMarkdown(big, { spell: ACTION_SPELLING });
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
      expect(text).toMatch(/_… and \d+ more; the JSON report lists them all\._/);
      expect(text.startsWith(`## ${checks ? '❌' : '✅'} imds-check fleet:`)).toBe(true);
    }
  });
});

describe('forged reports', () => {
  const forged = fleet(
    INJECTIONS.map((bad, i) => [
      `r/${bad.slice(0, 20)}-${i}.json`,
      {
        vmId: `${bad}-${i}`,
        name: bad,
        location: bad,
        mode: bad,
        checks: [
          [bad, 'fail', bad],
          [bad, 'warn', bad],
        ] as [string, string, string][],
      },
    ]),
    { ...POLICY, expected: null },
  );

  it('no value becomes a command, control or bidi character in Markdown, text or JSON', () => {
    const channels = {
      markdown: renderFleetMarkdown(forged, { spell: ACTION_SPELLING, codeLink: (c) => `https://d/e#${c}` }),
      text: renderFleetText(forged, { spell: ACTION_SPELLING }),
      json: renderFleetJson(forged),
    };
    for (const [name, text] of Object.entries(channels))
      expect([name, commandProblems(text)]).toEqual([name, []]);
    expect(channels.json).not.toContain('##');
  });

  it('Markdown: a forged value can neither break a table row nor open HTML or a link', () => {
    const report = fleet(
      [['a.json', { vmId: guid(1), name: 'x | y <img src=x> [l](http://e) `c`', checks: NOT_FOUND }]],
      {
        ...POLICY,
        expected: null,
      },
    );
    const text = renderFleetMarkdown(report, { spell: ACTION_SPELLING });
    const row = text.split('\n').find((l) => l.startsWith('| x'))!;
    expect(row.split(' | ')).toHaveLength(6);
    expect(row).not.toMatch(/<img|\]\(|`c`/);
  });

  it('JSON keeps the values equal as data (clipped), and names no field the types do not', () => {
    const doc = JSON.parse(renderFleetJson(forged));
    expect(doc.machines.map((m: { name: string }) => m.name).sort()).toEqual([...INJECTIONS].sort());
    expect(Object.keys(doc)).toEqual([
      'kind',
      'schemaVersion',
      'tool',
      'generatedAt',
      'result',
      'gateFailures',
      'policy',
      'counts',
      'codes',
      'locations',
      'machines',
      'superseded',
      'conflicts',
    ]);
  });
});

describe('what fails the whole gate (issue 17)', () => {
  // Leg C also uploads a passing report of machine B; 2 extra rows beyond expected; a search stopped at a limit.
  const closed = fleet(
    [
      ['legs/a/report.json', { vmId: guid(1), name: 'vm-a', location: 'westeurope' }],
      ['legs/b/report.json', { vmId: guid(2), name: 'vm-b', location: 'westeurope', checks: NOT_FOUND }],
      ['legs/c/report.json', { vmId: guid(3), name: 'vm-c', location: 'westeurope' }],
      ['legs/c/b.json', { vmId: guid(2), name: 'vm-b', location: 'westeurope' }],
      ['legs/c/x1.json', { vmId: guid(8), name: 'extra-1' }],
      ['legs/c/x2.json', { vmId: guid(9), name: 'extra-2' }],
    ],
    { ...POLICY, expected: 3, minPass: { kind: 'percent', value: 5000, text: '50%' } },
    ['stopped after 100000 files; merge fewer reports at a time'],
  );
  const style = { spell: ACTION_SPELLING, codeLink: (c: string) => `docs/errors.md#${c}` };

  it('text: one GATE block per failure with its fix, the conflict row naming both folders, the verdict says why', () => {
    const text = renderFleetText(closed, style);
    expect(text).toMatch(
      /^GATE {2}fleet_vmid_conflict {2}1 vmId was reported from more than one leg folder {2}\(see docs\/errors\.md#fleet_vmid_conflict\)$/m,
    );
    expect(text).toMatch(/^GATE {2}fleet_too_many_machines {2}5 machines reported, 3 expected {2}\(see /m);
    expect(text).toMatch(/^GATE {2}fleet_scan_incomplete {2}stopped after 100000 files; merge fewer/m);
    expect(text).toMatch(/^ {6}fix: Reports of the same vmId came from more than one leg folder/m);
    expect(text).toContain(
      '(the same vmId from 2 leg folders: legs/b/report.json (fail), legs/c/b.json (pass))',
    );
    expect(text).toContain('5 machines: 4 passed, 0 warned, 1 failed (1 conflicting)');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Result: FAIL  4 of 5 machines pass, 2 needed (min-pass 50%, expected 3); the gate fails: fleet_vmid_conflict, fleet_too_many_machines, fleet_scan_incomplete',
    );
  });

  it('Markdown: the gate section before the machines, a conflicting column, every report of the conflict', () => {
    const text = renderFleetMarkdown(closed, style);
    const gate = text.indexOf('### The gate fails whatever min-pass says');
    expect(gate).toBeGreaterThan(0);
    expect(gate).toBeLessThan(text.indexOf('### Failing machines by code'));
    expect(text).toContain(
      '- [`fleet_too_many_machines`](docs/errors.md#fleet_too_many_machines): 5 machines reported, 3 expected. **Fix:** More machines reported than expected',
    );
    expect(text).toContain(
      '| Passed | Warned | Failed | of which invalid | of which missing | of which conflicting | Machines |',
    );
    expect(text).toContain('| 4 | 0 | 1 | 0 | 0 | 1 | 5 |');
    expect(text).toContain('<details open><summary>1 vmId from more than one leg folder</summary>');
    expect(text).toContain(`| ${guid(2)} | legs/b/report.json | vm-b | fail | 2026-11-25T10:00:00.000Z |`);
    expect(text).toContain(`| ${guid(2)} | legs/c/b.json | vm-b | pass | 2026-11-25T10:00:00.000Z |`);
    expect(text).toMatch(/^#### \[`fleet_vmid_conflict`\]\([^)]*\): 1 machine$/m);
  });

  it('JSON: gateFailures and the conflicts with every report', () => {
    const doc = JSON.parse(renderFleetJson(closed));
    expect(doc.result).toBe('fail');
    expect(doc.gateFailures.map((g: { code: string }) => g.code)).toEqual([
      'fleet_vmid_conflict',
      'fleet_too_many_machines',
      'fleet_scan_incomplete',
    ]);
    expect(doc.counts.conflicts).toBe(1);
    expect(doc.conflicts[0].reports.map((r: { source: string }) => r.source)).toEqual([
      'legs/b/report.json',
      'legs/c/b.json',
    ]);
  });
});

describe('renderFleetText', () => {
  const text = renderFleetText(SAMPLE, { spell: ACTION_SPELLING, codeLink: (c) => `docs/errors.md#${c}` });

  it('header, one block per failing code with its fix and machines, locations, passing, result', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('imds-check fleet 1.0.0');
    expect(lines[1]).toBe('  6 machines: 1 passed, 1 warned, 4 failed (1 invalid, 1 missing)');
    expect(text).toMatch(
      /^FAIL {2}token_identity_not_found {2}2 machines {2}\(see docs\/errors\.md#token_identity_not_found\)$/m,
    );
    expect(text).toMatch(/^ {6}fix: The VM has no managed identity/m);
    expect(text).toMatch(
      /^ {6}vm-1 +00000001-0000-4000-8000-000000000000 +westeurope +vm +token +r\/vm-1\.json$/m,
    );
    expect(text).toContain(
      'Locations: eastus 2 (1 passed, 1 warned, 0 failed); westeurope 2 (0 passed, 0 warned, 2 failed); (unknown) 2 (0 passed, 0 warned, 2 failed)',
    );
    expect(text).toContain('Passing: 2 machines: vm-3, vm-4');
    expect(lines.at(-2)).toBe('Result: FAIL  2 of 6 machines pass, 6 needed (min-pass 100%, expected 6)');
  });

  it('names at most 20 passing machines', () => {
    const many = fleet(
      Array.from({ length: 30 }, (_, i) => [
        `${i}.json`,
        { vmId: guid(i), name: `vm-${String(i).padStart(2, '0')}` },
      ]),
      { ...POLICY, expected: null },
    );
    expect(renderFleetText(many, { spell: ACTION_SPELLING })).toContain('vm-19, and 10 more');
  });
});
