// Outputs reach scripts through env:, never pasted into script text: an Azure DevOps $(macro) or a GitHub
// ${{ }} expression is substituted before the script runs, so a value could become code (issue 9). Every
// example workflow and every YAML block of the README and docs follows that rule.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT_KEYS = ['run', 'bash', 'script', 'pwsh', 'powershell', 'inlineScript'];
/** A macro or expression inside script text; $(Agent.X)-style predefined variables are not outputs. */
const PASTED =
  /\$\{\{[^}]*\b(steps|needs|jobs|dependencies|stageDependencies)\b|\$\((?!Agent\.|Build\.|System\.|Pipeline\.|Environment\.)[A-Za-z_][\w.]*\)/;

function scripts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) scripts(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (SCRIPT_KEYS.includes(key) && typeof value === 'string') found.push(value);
      else scripts(value, found);
    }
  }
  return found;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function markdownYamlBlocks(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const sources: Array<[string, string]> = [
  ...yamlFiles(join(ROOT, 'examples')).map((p): [string, string] => [p, readFileSync(p, 'utf8')]),
  ...[
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ].flatMap((f) =>
    markdownYamlBlocks(join(ROOT, f)).map((block, i): [string, string] => [`${f} block ${i + 1}`, block]),
  ),
];

describe('outputs reach scripts through env:', () => {
  it('finds example workflows and README blocks to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources)('%s pastes no output into script text', (_name, text) => {
    const pasted = parseAllDocuments(text)
      .flatMap((doc) => scripts(doc.toJS()))
      .filter((script) => PASTED.test(script));
    expect(pasted).toEqual([]);
  });
});
