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
} from '../../src/core/fleet/index.js';
import { arcProfile } from '../../src/core/modes/arc.js';
import { vmProfile } from '../../src/core/modes/vm.js';
import { remedyFor } from '../../src/core/remedies.js';
import { MAX_SUMMARY_BYTES } from '../../src/core/render/markdown.js';
import { mdText } from '../../src/core/render/markdown-escape.js';
import { ACTION_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';
import { commandProblems, INJECTIONS } from '../helpers/injection.js';
import { guid, reportText, type ReportSpec } from './fixtures.js';

const POLICY: MergePolicy = {
  expected: 6,
  minPass: { kind: 'percent', value: 10_000, text: '100%' },
  allowCodes: [],
};
const META = { toolVersion: '1.0.0', generatedAt: '2026-11-25T12:00:00.000Z' };
const NOT_FOUND: [string, string, string][] = [['token', 'fail', 'token_identity_not_found']];
const REFUSED: [string, string, string][] = [['reachability', 'fail', 'connection_refused']];

function fleet(specs: [string, ReportSpec | string][], policy = POLICY): FleetReport {
  const f = createFleet();
  for (const [source, spec] of specs)
    f.add(parseMachineReport(typeof spec === 'string' ? spec : reportText(spec), source));
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
      remedyFor('connection_refused', { profile: arcProfile, platform: 'win32', spell: ACTION_SPELLING }),
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
      'policy',
      'counts',
      'codes',
      'locations',
      'machines',
      'superseded',
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
