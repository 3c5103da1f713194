// action.yml's and task.json's inputs and outputs are generated from what the run and each registered check
// declare: the names, defaults and order from their specs (src/core/contract.ts), the texts from the
// `<id>-manifest.json` beside each owner, which no bundle carries. The committed manifests must equal what the
// declarations give. After adding or changing one: `npm run manifests` (UPDATE_MANIFESTS=1) rewrites both, then
// `npm run readme:tables` the README's tables.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { parse, stringify } from 'yaml';
import { CONTRACT_INPUTS, CONTRACT_OUTPUTS, toCamel } from '../../src/core/index.js';
import { CHECKS } from '../../src/core/registry.js';
import { ROOT } from '../github/runner.js';

const UPDATE = process.env['UPDATE_MANIFESTS'] === '1';
const ACTION = join(ROOT, 'action.yml');
const TASK = join(ROOT, 'task.json');

interface TaskInput {
  label: string;
  type: 'string' | 'boolean' | 'pickList' | 'multiLine';
  options?: Record<string, string>;
  /** helpMarkDown; the action's description when absent. */
  help?: string;
  group?: string;
  visibleRule?: string;
}
interface ManifestTexts {
  inputs?: Record<string, { description: string; task: TaskInput }>;
  outputs?: Record<string, { description: string; taskDescription?: string }>;
}

/** Every owner's texts: the run's beside its specs, each check's in its folder. */
const OWNERS = [
  join(ROOT, 'src/core/pipeline/run-manifest.json'),
  ...CHECKS.map((c) => join(ROOT, `src/core/checks/${c.id}/${c.id}-manifest.json`)),
];
const texts: Required<ManifestTexts> = { inputs: {}, outputs: {} };
for (const file of OWNERS.filter((f) => existsSync(f))) {
  const owned = JSON.parse(readFileSync(file, 'utf8')) as ManifestTexts;
  Object.assign(texts.inputs, owned.inputs);
  Object.assign(texts.outputs, owned.outputs);
}
const inputText = (name: string) => texts.inputs[name]!;
const outputText = (name: string) => texts.outputs[name]!;

const actionInputs = () =>
  Object.fromEntries(
    CONTRACT_INPUTS.map((i) => [
      i.name,
      { description: inputText(i.name).description, required: false, default: i.default },
    ]),
  );
const actionOutputs = () =>
  Object.fromEntries(CONTRACT_OUTPUTS.map((o) => [o.name, { description: outputText(o.name).description }]));

const taskInputs = () =>
  CONTRACT_INPUTS.map((i) => {
    const { description, task } = inputText(i.name);
    return {
      name: toCamel(i.name),
      type: task.type,
      label: task.label,
      defaultValue: i.default,
      required: false,
      ...(task.options ? { options: { ...task.options } } : {}),
      helpMarkDown: task.help ?? description,
      ...(task.group ? { groupName: task.group } : {}),
      ...(task.visibleRule ? { visibleRule: task.visibleRule } : {}),
    };
  });
const taskOutputs = () =>
  CONTRACT_OUTPUTS.map((o) => ({
    name: toCamel(o.name),
    description: outputText(o.name).taskDescription ?? outputText(o.name).description.replace(/`/g, ''),
  }));

const prettierOptions = async (file: string) => ({
  ...((await prettier.resolveConfig(file)) ?? {}),
  filepath: file,
});

describe('action.yml and task.json', () => {
  it('have texts for exactly the inputs and outputs declared', () => {
    expect(Object.keys(texts.inputs).sort()).toEqual(CONTRACT_INPUTS.map((i) => i.name).sort());
    expect(Object.keys(texts.outputs).sort()).toEqual(CONTRACT_OUTPUTS.map((o) => o.name).sort());
  });

  it('declare the inputs and outputs of the run and of every registered check, as they declare them', async () => {
    if (UPDATE) {
      // Only the two generated sections are replaced; the rest of the file stays as it is written.
      const text = readFileSync(ACTION, 'utf8');
      const [start, end] = [text.indexOf('\ninputs:\n'), text.indexOf('\nruns:\n')];
      const block = (key: string, value: unknown) =>
        stringify({ [key]: value }, { lineWidth: 0, singleQuote: true });
      const yaml = `${text.slice(0, start)}\n${block('inputs', actionInputs())}\n${block('outputs', actionOutputs())}${text.slice(end)}`;
      writeFileSync(ACTION, await prettier.format(yaml, await prettierOptions(ACTION)));
      const task = JSON.parse(readFileSync(TASK, 'utf8')) as Record<string, unknown>;
      task['inputs'] = taskInputs();
      task['outputVariables'] = taskOutputs();
      writeFileSync(TASK, await prettier.format(JSON.stringify(task, null, 2), await prettierOptions(TASK)));
    }
    const action = parse(readFileSync(ACTION, 'utf8')) as Record<string, unknown>;
    expect({ inputs: action['inputs'], outputs: action['outputs'] }).toEqual({
      inputs: actionInputs(),
      outputs: actionOutputs(),
    });
    const task = JSON.parse(readFileSync(TASK, 'utf8')) as Record<string, unknown>;
    expect({ inputs: task['inputs'], outputVariables: task['outputVariables'] }).toEqual({
      inputs: taskInputs(),
      outputVariables: taskOutputs(),
    });
  });

  it('place every task input in a group the task declares, and every input of the ama switch in its group', () => {
    const task = JSON.parse(readFileSync(TASK, 'utf8')) as { groups: { name: string }[] };
    const groups = new Set(task.groups.map((g) => g.name));
    for (const i of CONTRACT_INPUTS) {
      const group = inputText(i.name).task.group;
      if (group) expect([i.name, groups.has(group)]).toEqual([i.name, true]);
      if (i.onlyWith === 'ama') expect([i.name, group]).toEqual([i.name, 'ama']);
    }
  });
});
