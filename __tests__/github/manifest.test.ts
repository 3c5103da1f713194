// action.yml against the vendored SchemaStore schema, the Marketplace branding rules, and the contract names;
// task.json's names against the same contract in camelCase.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, INPUT_NAMES, OUTPUT_NAMES, toCamel } from '../../src/core/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

interface ActionManifest {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required: boolean; default: unknown }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const schema = JSON.parse(read('schemas/github-action.schema.json')) as Record<string, any>;
const action = parse(read('action.yml')) as ActionManifest;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const problems = (doc: unknown): string[] =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

// github/docs publish-in-github-marketplace + metadata-syntax (branding): Feather v4.28.0 minus these.
const MARKETPLACE_EXCLUDED_ICONS = [
  'coffee',
  'columns',
  'divide',
  'divide-circle',
  'divide-square',
  'frown',
  'hexagon',
  'key',
  'meh',
  'mouse-pointer',
  'smile',
  'tool',
  'x-octagon',
  // brand icons
  'chrome',
  'codepen',
  'codesandbox',
  'dribbble',
  'facebook',
  'figma',
  'framer',
  'github',
  'gitlab',
  'instagram',
  'linkedin',
  'slack',
  'trello',
  'twitch',
  'twitter',
  'youtube',
];
const MARKETPLACE_COLOURS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark',
];

describe('action.yml against the SchemaStore github-action schema', () => {
  it('the vendored schema knows node24 (an older copy would reject a valid manifest)', () => {
    expect(schema['definitions']['runs-javascript']['properties']['using']['enum']).toContain('node24');
  });

  it('action.yml is valid', () => {
    expect(problems(action)).toEqual([]);
  });

  it('the validator does catch broken manifests (control)', () => {
    const broken = structuredClone(action) as unknown as Record<string, any>;
    delete broken['description'];
    broken['runs']['using'] = 'node99';
    broken['inputs']['mode']['required'] = 'no';
    broken['branding']['color'] = 'pink';
    const found = problems(broken).join('\n');
    expect(found).toContain("must have required property 'description'");
    expect(found).toContain('/inputs/mode/required must be boolean');
    expect(found).toContain('/branding/color must be equal to one of the allowed values');
    expect(found).toMatch(/\/runs(\/using)? must/);
  });
});

describe('action.yml Marketplace and runtime rules', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(new URL('dist/index.js', root))).toBe(true);
  });

  it('has a name, a description and Marketplace-accepted branding', () => {
    expect(action.name).toBe('imds-check');
    expect(action.description.length).toBeGreaterThan(20);
    const schemaIcons = schema['properties']['branding']['properties']['icon']['enum'] as string[];
    expect(schemaIcons).toContain(action.branding.icon);
    expect(MARKETPLACE_EXCLUDED_ICONS).not.toContain(action.branding.icon);
    expect(MARKETPLACE_COLOURS).toContain(action.branding.color);
  });

  it('the vendored icon enum leaves out every Marketplace-excluded icon', () => {
    const schemaIcons = schema['properties']['branding']['properties']['icon']['enum'] as string[];
    expect(MARKETPLACE_EXCLUDED_ICONS.filter((icon) => schemaIcons.includes(icon))).toEqual([]);
  });
});

describe('action.yml matches the contract', () => {
  it('declares exactly the contract inputs, in contract order, optional, with the contract defaults', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
    for (const name of INPUT_NAMES) {
      const input = action.inputs[name]!;
      expect({ name, required: input.required, default: input.default }).toEqual({
        name,
        required: false,
        default: INPUT_DEFAULTS[name],
      });
      expect(input.description.trim()).not.toBe('');
    }
  });

  it('declares exactly the contract outputs, each described', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
    for (const name of OUTPUT_NAMES) expect(action.outputs[name]!.description.trim()).not.toBe('');
  });
});

describe('task.json uses the same contract in camelCase', () => {
  const present = existsSync(new URL('task.json', root));
  const task = present
    ? (JSON.parse(read('task.json')) as { inputs: { name: string }[]; outputVariables: { name: string }[] })
    : null;

  it('inputs and output variables are the camelCase contract names', () => {
    if (task === null) {
      console.log('task.json is absent: skipping the camelCase contract comparison');
      return;
    }
    expect(task.inputs.map((i) => i.name)).toEqual(INPUT_NAMES.map(toCamel));
    expect(task.outputVariables.map((o) => o.name)).toEqual(OUTPUT_NAMES.map(toCamel));
  });
});
