// The README's support policy is what the repository does: the Action declares node24, each task declares
// Node24 and Node20_1 with the agent versions the README names, the CLI's `engines` floor is the README's, CI
// tests the Node majors the README says, and every development dependency (the conformance clients included)
// declares engines that admit the Node versions CI runs, so `npm ci` prints no EBADENGINE there.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../github/runner.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const json = <T>(file: string) => JSON.parse(read(file)) as T;
const pkg = json<{ engines: { node: string } }>('package.json');
const readme = read('README.md');
const section = readme.slice(
  readme.indexOf('## Supported versions'),
  readme.indexOf('\n## ', readme.indexOf('## Supported versions') + 3),
);
const row = (door: string) => section.split('\n').find((line) => line.startsWith(`| ${door} |`)) ?? '';
const ciNodes = (): number[] => {
  const ci = parse(read('.github/workflows/ci.yml')) as {
    jobs: Record<string, { strategy?: { matrix?: { node?: number[] } } }>;
  };
  return Object.values(ci.jobs).flatMap((job) => job.strategy?.matrix?.node ?? []);
};

type Version = [number, number, number];
/** [major, minor, patch] of a possibly partial version; null for a missing part, `x` or `*`. */
const parseVersion = (text: string): [number | null, number | null, number | null] => {
  const parts = text
    .replace(/^v/, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : null));
  return [parts[0] ?? null, parts[1] ?? null, parts[2] ?? null];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `version` satisfies an npm `engines` range, for the forms package-lock.json holds: `||` of
 * space-separated comparators (`>=`, `>`, `<=`, `<`, `^`, `~`, bare and partial versions, `x` and `*`).
 */
function admits(range: string, version: Version): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => {
        const [, op = '', rest = ''] = /^([<>=^~]*)(.*)$/.exec(comparator)!;
        const [major, minor, patch] = parseVersion(rest);
        if (major === null) return true; // '*', 'x', ''
        const low: Version = [major, minor ?? 0, patch ?? 0];
        const cmp = compare(version, low);
        if (op === '>=') return cmp >= 0;
        if (op === '>') return cmp > 0;
        if (op === '<') return cmp < 0;
        if (op === '<=') return minor === null ? version[0] <= major : cmp <= 0;
        // ^, ~ and bare (partial) versions: from `low` up to the next major (^, bare X), minor (~, bare X.Y).
        const byMinor = op === '~' || (op === '' && minor !== null) || (op === '^' && major === 0);
        const high: Version = byMinor ? [major, (minor ?? 0) + 1, 0] : [major + 1, 0, 0];
        if (op === '' && minor !== null && patch !== null) return cmp === 0;
        return cmp >= 0 && compare(version, high) < 0;
      }),
  );
}

describe('support policy', () => {
  it('the range check reads the forms package-lock.json uses', () => {
    const cases: [string, Version, boolean][] = [
      ['>=20.18', [20, 19, 0], true],
      ['>=20.18', [20, 17, 9], false],
      ['>=22.0.0', [20, 20, 2], false],
      ['^20.19.0 || ^22.13.0 || >=24', [20, 18, 2], false],
      ['^20.19.0 || ^22.13.0 || >=24', [20, 19, 0], true],
      ['^20.19.0 || ^22.13.0 || >=24', [22, 12, 0], false],
      ['18 || 20 || >=22', [20, 0, 0], true],
      ['18 || 20 || >=22', [21, 0, 0], false],
      ['>=16 || 14 >=14.17', [14, 16, 0], false],
      ['>= 10.0.0', [24, 0, 0], true],
      ['6.* || 8.* || >= 10.*', [9, 1, 0], false],
      ['*', [20, 19, 0], true],
      ['>=0.6.11 <=0.7.0 || >=0.7.3', [20, 0, 0], true],
    ];
    for (const [range, version, expected] of cases)
      expect([range, version, admits(range, version)]).toEqual([range, version, expected]);
  });

  it('the Action runs on node24, as the README says', () => {
    for (const file of ['action.yml', 'merge/action.yml'])
      expect([file, (parse(read(file)) as { runs: { using: string } }).runs.using]).toEqual([file, 'node24']);
    expect(row('GitHub Action')).toContain('`using: node24`');
  });

  it('each task declares Node24 and Node20_1 for the agent versions the README names', () => {
    for (const file of ['task.json', 'merge/task.json']) {
      const task = json<{ execution: Record<string, unknown>; minimumAgentVersion: string }>(file);
      expect([file, Object.keys(task.execution).sort()]).toEqual([file, ['Node20_1', 'Node24']]);
      expect([file, task.minimumAgentVersion]).toEqual([file, '3.232.1']);
    }
    const ado = row('Azure DevOps task');
    for (const word of ['`Node24`', '`Node20_1`', '**3.232.1+**', '**4.265.1+**'])
      expect(ado).toContain(word);
  });

  it("the CLI's engines floor is the README's, and CI tests Node 20 and 24 as it says", () => {
    const floor = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    expect(floor).toBe('20.18');
    expect(row('CLI, emulator library')).toContain(`**${floor}+** (\`engines\`)`);
    expect(ciNodes()).toEqual([20, 24]);
    expect(section).toContain('CI tests every bundle on Node 20 and 24');
  });

  it('every package in package-lock.json admits the Node versions CI runs (20.19+ and 24)', () => {
    const lock = json<{ packages: Record<string, { version?: string; engines?: { node?: string } }> }>(
      'package-lock.json',
    );
    const floors: Version[] = [
      [20, 19, 0],
      [24, 0, 0],
    ];
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = entry.engines?.node;
      if (!range) return [];
      return floors
        .filter((version) => !admits(range, version))
        .map(
          (version) =>
            `${path || 'imds-check'}@${entry.version} wants node ${range}, not ${version.join('.')}`,
        );
    });
    expect(refused).toEqual([]);
    expect(ciNodes().map((major) => floors.some((v) => v[0] === major))).toEqual([true, true]);
  });
});
