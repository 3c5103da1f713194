import { INPUT_DEFAULTS, INPUT_NAMES, OUTPUT_NAMES, toCamel } from '../../src/core/contract.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';

describe('toCamel', () => {
  it.each([
    ['client-id', 'clientId'],
    ['msi-res-id', 'msiResId'],
    ['metadata-status', 'metadataStatus'],
    ['token-expires-on', 'tokenExpiresOn'],
    ['timeout-seconds', 'timeoutSeconds'],
    ['min-success-percent', 'minSuccessPercent'],
    ['mode', 'mode'],
  ])('%s → %s', (kebab, camel) => {
    expect(toCamel(kebab)).toBe(camel);
  });
});

describe('input spellings of the three front doors', () => {
  it.each([
    ['Action', ACTION_SPELLING, 'timeout-seconds', 'timeout-seconds: 90'],
    ['task', TASK_SPELLING, 'timeoutSeconds', 'timeoutSeconds: 90'],
    ['CLI', CLI_SPELLING, '--timeout-seconds', '--timeout-seconds 90'],
  ])('the %s spells timeout-seconds as %s', (_, spell, name, assignment) => {
    expect(spell.name('timeout-seconds')).toBe(name);
    expect(spell.assignment('timeout-seconds', '90')).toBe(assignment);
  });

  it('the CLI names the two file inputs by their flags', () => {
    expect(CLI_SPELLING.name('report-path')).toBe('--report');
    expect(CLI_SPELLING.name('junit-path')).toBe('--junit');
    expect(CLI_SPELLING.name('client-id')).toBe('--client-id');
  });

  it('every spelling of every input is distinct per door', () => {
    for (const spell of [ACTION_SPELLING, TASK_SPELLING, CLI_SPELLING]) {
      expect(new Set(INPUT_NAMES.map((n) => spell.name(n))).size).toBe(INPUT_NAMES.length);
    }
  });
});

describe('contract names', () => {
  it('has a default for every input, and timeout-seconds defaults to 90 (rides out the 410 window)', () => {
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual([...INPUT_NAMES].sort());
    expect(INPUT_DEFAULTS['timeout-seconds']).toBe('90');
  });

  it('names are unique kebab-case', () => {
    for (const list of [INPUT_NAMES, OUTPUT_NAMES]) {
      expect(new Set(list).size).toBe(list.length);
      for (const n of list) expect(n).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    }
  });
});
