// The README's GitHub section documents exactly what action.yml declares: the inputs (with defaults) and the
// outputs; its YAML examples parse and use only real input and output names.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, unknown>;
};

function githubSection(): string {
  const start = readme.indexOf('<!-- section:github:start -->');
  const end = readme.indexOf('<!-- section:github:end -->');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return readme.slice(start, end);
}

/** Rows of the first table under `### <heading>`, as trimmed cells. */
function tableUnder(section: string, heading: string): string[][] {
  const lines = section.split('\n');
  const at = lines.indexOf(`### ${heading}`);
  expect(at).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((l, i) => i > at && l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(
      lines[i]!.slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const code = (cell: string): string => {
  const match = /^`([^`]*)`$/.exec(cell);
  if (!match) throw new Error(`expected a code cell, got ${cell}`);
  return match[1]!;
};
/** An empty default is written *(empty)* (prettier: _(empty)_). */
const defaultCell = (cell: string): string => (/^[*_]\(empty\)[*_]$/.test(cell) ? '' : code(cell));

describe('README GitHub section', () => {
  const section = githubSection();

  it('the inputs table lists exactly the action.yml inputs, in order, with their defaults', () => {
    const rows = tableUnder(section, 'Inputs');
    expect(rows.map((r) => code(r[0]!))).toEqual(Object.keys(action.inputs));
    expect(Object.fromEntries(rows.map((r) => [code(r[0]!), defaultCell(r[1]!)]))).toEqual(
      Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default])),
    );
    for (const row of rows) expect(row[2]!.length).toBeGreaterThan(5);
  });

  it('the outputs table lists exactly the action.yml outputs, in order', () => {
    const rows = tableUnder(section, 'Outputs');
    expect(rows.map((r) => code(r[0]!))).toEqual(Object.keys(action.outputs));
    for (const row of rows) expect(row[1]!.length).toBeGreaterThan(3);
  });

  it('every YAML example parses and uses only real inputs and outputs', () => {
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const usedInputs = new Set<string>();
    for (const block of blocks) {
      const indent = Math.min(
        ...block
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => /^ */.exec(l)![0].length),
      );
      const doc = parse(
        block
          .split('\n')
          .map((l) => l.slice(indent))
          .join('\n'),
      ) as unknown;
      const steps = JSON.stringify(doc);
      for (const match of steps.matchAll(
        /"uses":"OWNER\/imds-check@v1"(?:,"id":"\w+")?,"with":(\{[^}]*\})/g,
      )) {
        for (const key of Object.keys(JSON.parse(match[1]!) as object)) usedInputs.add(key);
      }
    }
    expect([...usedInputs].filter((name) => !(name in action.inputs))).toEqual([]);
    expect(usedInputs.size).toBeGreaterThanOrEqual(5);
    const usedOutputs = [...section.matchAll(/steps\.imds\.outputs\.([a-z-]+)/g)].map((m) => m[1]!);
    expect(usedOutputs.length).toBeGreaterThan(0);
    expect(usedOutputs.filter((name) => !(name in action.outputs))).toEqual([]);
  });
});
