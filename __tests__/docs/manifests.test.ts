// action.yml's and task.json's inputs and outputs are generated from the contract the engine assembles from the
// run and the registered checks (each check declares its own, with their texts): the committed manifests must
// equal what the declarations give. After adding or changing one: `npm run manifests` (UPDATE_MANIFESTS=1)
// rewrites both, then `npm run readme:tables` the README's tables.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { parse, stringify } from 'yaml';
import { CONTRACT_INPUTS, CONTRACT_OUTPUTS, toCamel } from '../../src/core/index.js';
import { ROOT } from '../github/runner.js';

const UPDATE = process.env['UPDATE_MANIFESTS'] === '1';
const ACTION = join(ROOT, 'action.yml');
const TASK = join(ROOT, 'task.json');

const actionInputs = () =>
  Object.fromEntries(
    CONTRACT_INPUTS.map((i) => [i.name, { description: i.description, required: false, default: i.default }]),
  );
const actionOutputs = () =>
  Object.fromEntries(CONTRACT_OUTPUTS.map((o) => [o.name, { description: o.description }]));

const taskInputs = () =>
  CONTRACT_INPUTS.map((i) => ({
    name: toCamel(i.name),
    type: i.task.type,
    label: i.task.label,
    defaultValue: i.default,
    required: false,
    ...(i.task.options ? { options: { ...i.task.options } } : {}),
    helpMarkDown: i.task.help ?? i.description,
    ...(i.task.group ? { groupName: i.task.group } : {}),
    ...(i.task.visibleRule ? { visibleRule: i.task.visibleRule } : {}),
  }));
const taskOutputs = () =>
  CONTRACT_OUTPUTS.map((o) => ({
    name: toCamel(o.name),
    description: o.taskDescription ?? o.description.replace(/`/g, ''),
  }));

const prettierOptions = async (file: string) => ({
  ...((await prettier.resolveConfig(file)) ?? {}),
  filepath: file,
});

describe('action.yml and task.json', () => {
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

  it('place every task input in a group the task declares', () => {
    const task = JSON.parse(readFileSync(TASK, 'utf8')) as { groups: { name: string }[] };
    const groups = new Set(task.groups.map((g) => g.name));
    for (const i of CONTRACT_INPUTS)
      if (i.task.group) expect([i.name, groups.has(i.task.group)]).toEqual([i.name, true]);
  });
});
