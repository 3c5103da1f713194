// The README's input and output tables are generated from action.yml and task.json (npm run readme:tables), so
// they cannot drift: the committed README must equal what the generator writes, and the check must notice a
// hand edit or a missing marker.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../github/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'imds-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const check = (file: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme-tables.mjs'), '--check', '--readme', file], {
    encoding: 'utf8',
  });
const copy = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('README tables', () => {
  it('equal what action.yml and task.json generate', () => {
    const run = check(join(ROOT, 'README.md'));
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('hold one row per input and output of each manifest, with its default', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    const task = JSON.parse(readFileSync(join(ROOT, 'task.json'), 'utf8')) as {
      inputs: { name: string; defaultValue?: string }[];
      outputVariables: { name: string }[];
    };
    const block = (name: string) =>
      new RegExp(`<!-- tables:${name}:start[^>]*-->\\n([\\s\\S]*?)<!-- tables:${name}:end -->`).exec(
        readme,
      )![1]!;
    const rows = (name: string) =>
      block(name)
        .split('\n')
        .filter((l) => /^\| `/.test(l));
    const cellDefault = (v: string) => (v === '' ? '_(empty)_' : `\`${v}\``);
    expect(rows('action-inputs')).toEqual(
      Object.entries(action.inputs).map(([n, s]) =>
        expect.stringMatching(
          `^\\| \`${n}\` \\| ${cellDefault(s.default ?? '').replace(/[()]/g, '\\$&')} \\| `,
        ),
      ),
    );
    expect(rows('action-outputs').map((r) => /`([^`]+)`/.exec(r)![1])).toEqual(Object.keys(action.outputs));
    expect(rows('task-inputs').map((r) => /`([^`]+)`/.exec(r)![1])).toEqual(task.inputs.map((i) => i.name));
    expect(rows('task-outputs').map((r) => /`([^`]+)`/.exec(r)![1])).toEqual(
      task.outputVariables.map((o) => o.name),
    );
  });

  it('carry every description whole, the "Empty means ..." defaults included', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
    };
    const task = JSON.parse(readFileSync(join(ROOT, 'task.json'), 'utf8')) as {
      inputs: { name: string; helpMarkDown: string }[];
      outputVariables: { name: string; description: string }[];
    };
    const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
    const row = (name: string) => readme.split('\n').filter((line) => line.startsWith(`| \`${name}\` |`));
    const described: [string, string][] = [
      ...Object.entries(action.inputs).map(([n, s]): [string, string] => [n, s.description]),
      ...Object.entries(action.outputs).map(([n, s]): [string, string] => [n, s.description]),
      ...task.inputs.map((i): [string, string] => [i.name, i.helpMarkDown]),
      ...task.outputVariables.map((o): [string, string] => [o.name, o.description]),
    ];
    for (const [name, description] of described)
      expect([name, row(name).some((line) => line.endsWith(` ${cell(description)} |`))]).toEqual([
        name,
        true,
      ]);
    const defaults = described.filter(([, d]) => /Empty means/.test(d));
    expect(defaults.length).toBeGreaterThanOrEqual(6);
  });

  it('a hand-edited table or a missing marker fails the check', () => {
    const edited = readme.replace(/^(\| `mode` \| `auto` \| ).*$/m, '$1edited by hand |');
    expect(edited).not.toBe(readme);
    const stale = check(copy('edited.md', edited));
    expect([stale.status, stale.stderr]).toEqual([1, expect.stringContaining('npm run readme:tables')]);
    const unmarked = check(copy('unmarked.md', readme.replace('<!-- tables:task-outputs:end -->', '')));
    expect([unmarked.status, unmarked.stderr]).toEqual([1, expect.stringContaining('tables:task-outputs')]);
  });
});
