// Merge inputs: defaults, min-pass as a share or a count, allow-codes checked against the code list, and
// messages that name the input the way each front door writes it.
import { describe, expect, it } from '@jest/globals';
import { parseMergeOptions, type MergeInputName, type MergeSpelling } from '../../../src/core/fleet/index.js';
import { toCamel } from '../../../src/core/index.js';

const kebab: MergeSpelling = (n) => n;
const camel: MergeSpelling = (n) => toCamel(n);
const parse = (raw: Partial<Record<MergeInputName, string>>, spell = kebab) => parseMergeOptions(raw, spell);

describe('parseMergeOptions', () => {
  it('defaults: the artifact pattern, no expected count, 100%, nothing allowed', () => {
    const r = parse({});
    expect(r).toEqual({
      ok: true,
      options: {
        policy: { expected: null, minPass: { kind: 'percent', value: 10_000, text: '100%' }, allowCodes: [] },
        reports: ['imds-check-reports/**/*.json'],
        reportPath: '',
      },
    });
  });

  it('reports: one pattern per line, trimmed, each once', () => {
    const r = parse({ reports: ' a/**/*.json\r\n\nb/report.json\na/**/*.json ' });
    expect(r.ok && r.options.reports).toEqual(['a/**/*.json', 'b/report.json']);
  });

  it.each([
    ['95%', { kind: 'percent', value: 9500 }],
    ['99.5%', { kind: 'percent', value: 9950 }],
    ['0%', { kind: 'percent', value: 0 }],
    ['48', { kind: 'count', value: 48 }],
    ['0', { kind: 'count', value: 0 }],
  ])('min-pass %s', (text, expected) => {
    const r = parse({ 'min-pass': text });
    expect(r.ok && r.options.policy.minPass).toEqual({ ...expected, text });
  });

  it.each(['101%', '95.123%', '-1', '1e3', 'most', '50 %', '1000000'])('min-pass %s is refused', (text) => {
    const r = parse({ 'min-pass': text });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^Invalid input 'min-pass': got ".*"; expected a share from 0% to 100%/,
      );
  });

  it('expected: a whole number from 1, or empty', () => {
    const r = parse({ expected: '12' });
    expect(r.ok && r.options.policy.expected).toBe(12);
    for (const bad of ['0', '-3', '2.5', 'twelve', '1000001'])
      expect(parse({ expected: bad }).ok).toBe(false);
  });

  it('allow-codes: known check codes, comma or space separated, each once', () => {
    const r = parse({
      'allow-codes': 'token_identity_not_found, metadata_not_found token_identity_not_found',
    });
    expect(r.ok && r.options.policy.allowCodes).toEqual(['token_identity_not_found', 'metadata_not_found']);
  });

  it('allow-codes refuses a typo and the merge codes themselves (they would defeat expected)', () => {
    const typo = parse({ 'allow-codes': 'token_identity_notfound' });
    expect(!typo.ok && typo.error.message).toContain('expected codes from docs/errors.md');
    const fleetCodes = [
      'fleet_machine_missing',
      'fleet_report_invalid',
      'fleet_no_reports',
      'fleet_vmid_conflict',
      'fleet_too_many_machines',
      'fleet_scan_incomplete',
    ];
    for (const code of [...fleetCodes, 'ok', 'skipped']) {
      const r = parse({ 'allow-codes': code });
      expect(!r.ok && r.error.message).toContain(`${code} cannot be allowed`);
    }
  });

  it('names the input as the front door writes it and shows the value escaped, on one line', () => {
    const r = parse({ 'min-pass': 'x\n##vso[task.complete]' }, camel);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'invalid_input', input: 'min-pass' });
    expect(r.error.message).toMatch(/^Invalid input 'minPass': got "x\\n##vso\[task.complete\]"/);
    expect(r.error.message).not.toContain('\n');
  });
});
