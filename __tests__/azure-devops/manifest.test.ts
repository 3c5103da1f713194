// task.json against the vendored tasks.schema.json (draft-04), the checks the schema leaves to tfx, the
// contract names and defaults in camelCase, and the versions of task, package and extension in step.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import { TASK_SPELLING } from '../../src/host/spelling.js';
import {
  CONTRACT_INPUTS,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  OUTPUT_NAMES,
  parseOptions,
  toCamel,
  type InputName,
} from '../../src/core/index.js';

const root = new URL('../../', import.meta.url);
const readJson = (path: string): any => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

interface TaskInput {
  name: string;
  type: string;
  label: string;
  defaultValue?: string | boolean;
  helpMarkDown?: string;
  groupName?: string;
  visibleRule?: string;
  options?: Record<string, string>;
}

const task = readJson('task.json');
const pkg = readJson('package.json');
const extension = readJson('vss-extension.json');
const inputs = task.inputs as TaskInput[];
const input = (name: string): TaskInput => {
  const found = inputs.find((i) => i.name === name);
  if (!found) throw new Error(`task.json has no input ${name}`);
  return found;
};
const contractName = (camel: string): InputName => INPUT_NAMES.find((n) => toCamel(n) === camel)!;

// A CommonJS module whose exports also carry `.default`, which is what NodeNext types see.
const Ajv = ajvDraft04.default;
// ajv 8 rejects the schema's `^connectedService\:.+$` pattern under the u flag.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  readJson('schemas/tasks.schema.json'),
);
const problems = (doc: unknown): string[] =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

describe('task.json schema', () => {
  it('is valid against tasks.schema.json', () => {
    expect(problems(task)).toEqual([]);
  });

  it('the validator rejects what the agent would reject (a plain Node20 handler, string versions, hyphenated inputs)', () => {
    const broken = structuredClone(task);
    broken.execution.Node20 = broken.execution.Node20_1;
    broken.version.Major = '1';
    broken.inputs[2].name = 'client-id';
    expect(problems(broken)).toEqual(
      expect.arrayContaining([
        '/execution must NOT have additional properties',
        '/version/Major must be number',
        '/inputs/2/name must match pattern "^[A-Za-z][A-Za-z0-9]*$"',
      ]),
    );
  });
});

describe('what the schema leaves to tfx', () => {
  it('has a friendlyName of at most 40 characters and an instanceNameFormat naming real inputs', () => {
    expect(task.friendlyName.length).toBeGreaterThan(0);
    expect(task.friendlyName.length).toBeLessThanOrEqual(40);
    expect(task.instanceNameFormat.trim()).not.toBe('');
    const macros = [...(task.instanceNameFormat as string).matchAll(/\$\((\w+)\)/g)].map((m) => m[1]);
    for (const name of macros) expect(inputs.map((i) => i.name)).toContain(name);
  });

  it('has a GUID id, the ImdsCheck name, a known category and the Node20_1 agent minimum', () => {
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(task.name).toBe('ImdsCheck');
    expect(['Utility', 'Deploy']).toContain(task.category);
    expect(task.minimumAgentVersion).toBe('3.232.1');
  });

  it('runs the bundle on Node20_1 and Node24 and nothing else', () => {
    expect(Object.keys(task.execution).sort()).toEqual(['Node20_1', 'Node24']);
    for (const handler of Object.values(task.execution) as { target: string }[]) {
      expect(handler.target).toBe('dist/azure-devops/index.js');
    }
  });
});

describe('contract', () => {
  it('declares exactly the contract inputs, camelCase, in contract order', () => {
    expect(inputs.map((i) => i.name)).toEqual(INPUT_NAMES.map(toCamel));
  });

  it('declares exactly the contract outputs as output variables, camelCase', () => {
    expect((task.outputVariables as { name: string }[]).map((o) => o.name)).toEqual(
      OUTPUT_NAMES.map(toCamel),
    );
    for (const output of task.outputVariables as { description?: string }[])
      expect(output.description?.trim()).toBeTruthy();
  });

  it('has the contract defaults, booleans as the string "false"', () => {
    for (const i of inputs)
      expect([i.name, i.defaultValue]).toEqual([i.name, INPUT_DEFAULTS[contractName(i.name)]]);
    expect(input('exposeToken')).toMatchObject({ type: 'boolean', defaultValue: 'false' });
  });

  it('offers pick lists whose values are exactly what the options parser accepts', () => {
    const accepted: Record<string, string[]> = {
      mode: ['auto', 'vm', 'arc'],
      identity: ['system', 'user', 'none'],
      failOn: ['error', 'unreachable', 'never'],
    };
    for (const [name, values] of Object.entries(accepted)) {
      const picker = input(name);
      expect(picker.type).toBe('pickList');
      expect(Object.keys(picker.options ?? {})).toEqual(values);
      for (const value of values) {
        const raw =
          name === 'identity' && value === 'user'
            ? { identity: 'user', 'client-id': '11111111-2222-3333-4444-555555555555' }
            : { [contractName(name)]: value };
        expect(parseOptions(raw, TASK_SPELLING).ok).toBe(true);
      }
    }
  });

  it('shows the identity selectors only for identity = user', () => {
    for (const name of ['clientId', 'objectId', 'msiResId'])
      expect(input(name).visibleRule).toBe('identity = user');
  });

  it('keeps the rarely changed inputs in collapsed groups: advanced, stability sampling, AMA readiness', () => {
    expect(task.groups).toEqual([
      expect.objectContaining({ name: 'advanced', isExpanded: false }),
      expect.objectContaining({ name: 'stability', isExpanded: false }),
      expect.objectContaining({ name: 'ama', isExpanded: false }),
    ]);
    const grouped = (group: string): string[] =>
      inputs
        .filter((i) => i.groupName === group)
        .map((i) => i.name)
        .sort();
    expect(grouped('stability')).toEqual(['minSuccessPercent', 'samples']);
    // The AMA checks' inputs (a later AMA check adds its own to the group).
    expect(grouped('ama')).toEqual(
      expect.arrayContaining([
        'ama',
        'amaProxy',
        'amaTrustedRoots',
        'dceEndpoints',
        'privateLink',
        'workspaceIds',
      ]),
    );
    for (const input of CONTRACT_INPUTS.filter((i) => i.onlyWith === 'ama'))
      expect([input.name, grouped('ama').includes(toCamel(input.name))]).toEqual([input.name, true]);
    // The AMA details appear only once the check is switched on.
    for (const name of grouped('ama').filter((n) => n !== 'ama'))
      expect([name, inputs.find((i) => i.name === name)?.visibleRule]).toEqual([name, 'ama = true']);
    const advanced = inputs.filter((i) => i.groupName === 'advanced').map((i) => i.name);
    expect(advanced.sort()).toEqual([
      'endpoint',
      'exposeToken',
      'junitPath',
      'reportPath',
      'resource',
      'timeoutSeconds',
    ]);
  });

  it('helps with every input and uses no filePath input (the agent fills an empty filePath with a folder)', () => {
    for (const i of inputs) {
      expect([i.name, (i.helpMarkDown ?? '').trim().length > 10]).toEqual([i.name, true]);
      expect(i.type).not.toBe('filePath');
    }
  });
});

describe('versions', () => {
  it('task.json version equals package.json and vss-extension.json versions', () => {
    const { Major, Minor, Patch } = task.version;
    expect([Major, Minor, Patch].every((n: unknown) => typeof n === 'number')).toBe(true);
    expect(`${Major}.${Minor}.${Patch}`).toBe(pkg.version);
    expect(extension.version).toBe(pkg.version);
    expect(Major).toBe(1);
  });

  it('the extension contributes the task folder named after the task and its major version', () => {
    const folder = `${task.name}V${task.version.Major}`;
    // The merge task (ImdsCheckMergeV1) is checked in __tests__/docs/merge-manifests.test.ts.
    expect(extension.files).toContainEqual({ path: folder });
    expect(extension.contributions).toContainEqual(
      expect.objectContaining({
        type: 'ms.vss-distributed-task.task',
        targets: ['ms.vss-distributed-task.tasks'],
        properties: { name: folder },
      }),
    );
  });
});
