// merge/action.yml and merge/task.json against the same vendored schemas as the check's manifests, the merge
// contract names (kebab-case / camelCase) and defaults, the bundles they run, and the extension contributing
// the second task next to the first.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { parse } from 'yaml';
import { MERGE_INPUT_DEFAULTS, MERGE_INPUT_NAMES, MERGE_OUTPUT_NAMES } from '../../src/core/fleet/index.js';
import { toCamel } from '../../src/core/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const readJson = (path: string): any => JSON.parse(read(path));

const action = parse(read('merge/action.yml')) as any;
const task = readJson('merge/task.json');
const mainTask = readJson('task.json');
const extension = readJson('vss-extension.json');

const actionSchema = new Ajv({ allErrors: true, strict: false }).compile(
  readJson('schemas/github-action.schema.json'),
);
const Ajv4 = ajvDraft04.default;
const taskSchema = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  readJson('schemas/tasks.schema.json'),
);

describe('merge/action.yml', () => {
  it('is valid against the SchemaStore github-action schema', () => {
    expect(actionSchema(action) ? [] : actionSchema.errors).toEqual([]);
  });

  it('runs the merge bundle of the repository dist/ on node24, relative to its own folder', () => {
    // GitHub resolves main against the action's folder; actions/cache/restore uses ../dist the same way.
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/merge/index.js' });
    expect(new URL(action.runs.main, new URL('merge/', root)).href).toBe(
      new URL('dist/merge/index.js', root).href,
    );
  });

  it('declares exactly the merge inputs (optional, contract defaults) and outputs, each described', () => {
    expect(Object.keys(action.inputs)).toEqual([...MERGE_INPUT_NAMES]);
    for (const name of MERGE_INPUT_NAMES) {
      const input = action.inputs[name];
      expect([name, input.required, input.default]).toEqual([name, false, MERGE_INPUT_DEFAULTS[name]]);
      expect(input.description.trim().length).toBeGreaterThan(10);
    }
    expect(Object.keys(action.outputs)).toEqual([...MERGE_OUTPUT_NAMES]);
    for (const name of MERGE_OUTPUT_NAMES) expect(action.outputs[name].description.trim()).not.toBe('');
  });

  it('has Marketplace branding the schema knows', () => {
    const schema = readJson('schemas/github-action.schema.json');
    expect(schema.properties.branding.properties.icon.enum).toContain(action.branding.icon);
    expect(action.name).not.toBe('imds-check'); // Marketplace names are unique
  });
});

describe('merge/task.json', () => {
  it('is valid against tasks.schema.json', () => {
    expect(taskSchema(task) ? [] : taskSchema.errors).toEqual([]);
  });

  it('is ImdsCheckMerge with its own GUID, the check task version, Node20_1 and Node24 handlers', () => {
    expect(task.name).toBe('ImdsCheckMerge');
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(task.id).not.toBe(mainTask.id);
    expect(task.version).toEqual(mainTask.version);
    expect(task.minimumAgentVersion).toBe(mainTask.minimumAgentVersion);
    expect(task.friendlyName.length).toBeLessThanOrEqual(40);
    expect(Object.keys(task.execution).sort()).toEqual(['Node20_1', 'Node24']);
    for (const handler of Object.values(task.execution) as { target: string }[])
      expect(handler.target).toBe('dist/azure-devops-merge/index.js');
  });

  it('declares the merge inputs and outputs in camelCase with the contract defaults, no filePath input', () => {
    expect(task.inputs.map((i: { name: string }) => i.name)).toEqual(MERGE_INPUT_NAMES.map(toCamel));
    for (const name of MERGE_INPUT_NAMES) {
      const input = task.inputs.find((i: { name: string }) => i.name === toCamel(name));
      expect([name, input.defaultValue, input.type === 'filePath']).toEqual([
        name,
        MERGE_INPUT_DEFAULTS[name],
        false,
      ]);
      expect(input.helpMarkDown.trim().length).toBeGreaterThan(10);
    }
    expect(task.outputVariables.map((o: { name: string }) => o.name)).toEqual(
      MERGE_OUTPUT_NAMES.map(toCamel),
    );
    const macros = [...(task.instanceNameFormat as string).matchAll(/\$\((\w+)\)/g)].map((m) => m[1]);
    for (const name of macros) expect(MERGE_INPUT_NAMES.map(toCamel)).toContain(name);
  });

  it('the extension contributes it as ImdsCheckMergeV1, next to ImdsCheckV1', () => {
    expect(extension.files).toEqual([{ path: 'ImdsCheckV1' }, { path: 'ImdsCheckMergeV1' }]);
    expect(extension.contributions.map((c: any) => [c.type, c.targets, c.properties.name])).toEqual([
      ['ms.vss-distributed-task.task', ['ms.vss-distributed-task.tasks'], 'ImdsCheckV1'],
      ['ms.vss-distributed-task.task', ['ms.vss-distributed-task.tasks'], 'ImdsCheckMergeV1'],
    ]);
    expect(new Set(extension.contributions.map((c: any) => c.id)).size).toBe(2);
  });
});
