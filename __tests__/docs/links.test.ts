// The user documentation stands on its own: every relative link in the README, CONTRIBUTING, CHANGELOG, docs/
// and the generated samples in docs/samples/ resolves inside the repository from the file that holds it (no
// ../shared or other outside paths), anchors exist, the README's first screen has both platform steps, both
// commands and what to do before `@v1` exists, and the README stays well under 30 KB.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { slug } from '../helpers/markdown.js';
import { ROOT } from '../github/runner.js';

const markdownIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${dir}/${f}`);
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...markdownIn('docs'),
  ...markdownIn('docs/samples'),
];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const withoutCode = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, '');
/** Markdown link targets outside code blocks: inline `[text](target)` and definitions `[label]: target` (not footnotes `[^n]: text`). */
const links = (markdown: string): string[] => [
  ...[...withoutCode(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
  ...[...withoutCode(markdown).matchAll(/^ {0,3}\[(?!\^)[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!),
];
const anchorsOf = (markdown: string) =>
  new Set([...withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

/** The links of `markdown`, held by `file` (a path from the repository root), that lead nowhere. */
function brokenLinks(file: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of links(markdown)) {
    if (/^(https?|mailto):/.test(target)) continue;
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const resolved = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
    const own = path === '' ? markdown : undefined;
    if (relative(ROOT, resolved).startsWith('..') || !existsSync(resolved)) broken.push(target);
    else if (
      anchor &&
      resolved.endsWith('.md') &&
      !anchorsOf(own ?? readFileSync(resolved, 'utf8')).has(anchor)
    )
      broken.push(target);
  }
  return broken;
}

describe('documentation links', () => {
  it('covers the generated samples', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['docs/samples/azure-devops-summary.md']));
  });

  it.each(DOCS)('%s links only to files and headings that exist in the repository', (file) => {
    expect(brokenLinks(file, text(file))).toEqual([]);
  });

  it('the checker sees a broken link, a link out of the repository and a link resolved from the wrong folder', () => {
    const sample =
      '[a](docs/missing.md) [b](../shared/x.md) [c](README.md#no-such-heading) [d](README.md) [e](#top)\n' +
      '\n[f]: docs/also-missing.md\n[^n]: a footnote, not a link\n\n# Top\n';
    expect(links(sample)).toEqual([
      'docs/missing.md',
      '../shared/x.md',
      'README.md#no-such-heading',
      'README.md',
      '#top',
      'docs/also-missing.md',
    ]);
    expect(brokenLinks('README.md', sample)).toEqual([
      'docs/missing.md',
      '../shared/x.md',
      'README.md#no-such-heading',
      'docs/also-missing.md',
    ]);
    // The same link is fine in the README and dead in a file under docs/samples/.
    const codeLink = '[`ok`](docs/errors.md#ok)';
    expect(brokenLinks('README.md', codeLink)).toEqual([]);
    expect(brokenLinks('docs/samples/azure-devops-summary.md', codeLink)).toEqual(['docs/errors.md#ok']);
  });
});

describe('README', () => {
  const readme = text('README.md');

  it('shows a GitHub step, an Azure DevOps step and the two commands in its first 40 lines', () => {
    const first = readme.split('\n').slice(0, 40).join('\n');
    expect(first).toMatch(/uses: OWNER\/imds-check@v1/);
    expect(first).toMatch(/task: ImdsCheck@1/);
    expect(first).toContain('npm ci && npm run demo');
    expect(first).toContain('npm ci && npm test');
  });

  it('says on its first screen, in one sentence, what to do before @v1 exists, and links the steps', () => {
    const first = readme.split('\n').slice(0, 40).join('\n');
    const sentence = /\*\*Before `@v1` exists\*\*.*?\)\.(?=\s|$)/.exec(first.replace(/\n/g, ' '))?.[0] ?? '';
    for (const step of ['fork', 'publisher', 'repository', 'v1.0.0', '](docs/releasing.md#'])
      expect([step, sentence]).toEqual([step, expect.stringContaining(step)]);
  });

  it('shows the CLI as npx imds-check (once on npm) and node imds-check.cjs (until then)', () => {
    const first = readme.split('\n').slice(0, 40).join('\n');
    expect(first).toContain('`npx imds-check`');
    expect(first).toContain('`node imds-check.cjs`');
  });

  // The generated input and output tables (12 KB of it) carry the manifests' whole descriptions; longer prose
  // belongs in docs/.
  it('stays under 36 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(36_000);
  });

  it('names the minimum runner and agent versions and shows permissions: {}', () => {
    expect(readme).toContain('2.327.1');
    expect(readme).toContain('3.232.1');
    expect(readme).toMatch(/^\s+permissions: \{\}/m);
  });
});
