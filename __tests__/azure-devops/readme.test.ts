// The README's Azure DevOps section: its inputs and output-variables tables list exactly task.json's inputs
// (with their defaults) and output variables, and its snippets use the task the way task.json defines it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { taskSteps } from './yaml-steps.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const task = JSON.parse(readFileSync(new URL('task.json', root), 'utf8')) as {
  inputs: { name: string; defaultValue?: string }[];
  outputVariables: { name: string }[];
};

const section = (() => {
  const match = /<!-- section:azure-devops:start -->([\s\S]*?)<!-- section:azure-devops:end -->/.exec(readme);
  if (!match) throw new Error('README.md has no azure-devops section');
  return match[1]!;
})();

/** Rows of the first table under the `### <heading>` of the section, as cells without the outer pipes. */
function tableUnder(heading: string): string[][] {
  const start = section.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`no "### ${heading}" in the azure-devops section`);
  const rest = section.slice(start + heading.length + 6);
  const lines = rest.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2); // header and separator
}

const unquote = (cell: string): string => (cell === '_(empty)_' ? '' : cell.replace(/^`(.*)`$/, '$1'));

describe('README azure-devops section', () => {
  it('lists every task input once, in task.json order, with its default', () => {
    const rows = tableUnder('Inputs');
    expect(rows.map((r) => unquote(r[0]!))).toEqual(task.inputs.map((i) => i.name));
    for (const [name, defaultCell, meaning] of rows) {
      const input = task.inputs.find((i) => i.name === unquote(name!))!;
      expect([input.name, unquote(defaultCell!)]).toEqual([input.name, input.defaultValue ?? '']);
      expect(meaning!.length).toBeGreaterThan(10);
    }
  });

  it('lists every output variable once, in task.json order', () => {
    const rows = tableUnder('Output variables');
    expect(rows.map((r) => unquote(r[0]!))).toEqual(task.outputVariables.map((o) => o.name));
    for (const row of rows) expect(row[1]!.length).toBeGreaterThan(3);
  });

  it('its YAML snippets parse and use ImdsCheck@1 with real inputs and real output variables', () => {
    const snippets = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(snippets.length).toBeGreaterThanOrEqual(5);
    const inputNames = task.inputs.map((i) => i.name);
    const outputNames = task.outputVariables.map((o) => o.name);
    let probes = 0;
    for (const snippet of snippets) {
      const docs = parseAllDocuments(snippet);
      for (const doc of docs) expect(doc.errors).toEqual([]);
      for (const step of docs.flatMap((d) => taskSteps(d.toJS()))) {
        probes++;
        expect([step.task, step.name]).toEqual(['ImdsCheck@1', 'probe']);
        for (const key of Object.keys(step.inputs ?? {})) expect(inputNames).toContain(key);
      }
      for (const [, name] of snippet.matchAll(/\bprobe\.([A-Za-z]+)/g)) expect(outputNames).toContain(name);
    }
    expect(probes).toBeGreaterThanOrEqual(5);
  });
});
