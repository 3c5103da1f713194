// The user documentation stands on its own: every relative link in the README, CONTRIBUTING, CHANGELOG and
// docs/ resolves inside the repository (no ../shared or other outside paths), README anchors exist, the
// README's first screen has both platform steps and both commands, and the README stays well under 30 KB.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { slug } from '../helpers/markdown.js';
import { ROOT } from '../github/runner.js';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** Markdown link targets outside code blocks. */
const links = (markdown: string): string[] =>
  [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
const anchorsOf = (markdown: string) =>
  new Set([...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

describe('documentation links', () => {
  it.each(DOCS)('%s links only to files and headings that exist in the repository', (file) => {
    const broken: string[] = [];
    for (const target of links(text(file))) {
      if (/^(https?|mailto):/.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
      if (relative(ROOT, resolved).startsWith('..') || !existsSync(resolved)) broken.push(target);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor))
        broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('the checker sees a broken link and a link out of the repository', () => {
    const sample = '[a](docs/missing.md) [b](../shared/x.md) [c](README.md#no-such-heading) [d](README.md)';
    expect(links(sample)).toEqual([
      'docs/missing.md',
      '../shared/x.md',
      'README.md#no-such-heading',
      'README.md',
    ]);
    expect(existsSync(join(ROOT, 'docs/missing.md'))).toBe(false);
    expect(relative(ROOT, resolve(ROOT, '../shared/x.md')).startsWith('..')).toBe(true);
    expect(anchorsOf(text('README.md')).has('no-such-heading')).toBe(false);
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

  it('is well under 30 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(30_000);
  });

  it('names the minimum runner and agent versions and shows permissions: {}', () => {
    expect(readme).toContain('2.327.1');
    expect(readme).toContain('3.232.1');
    expect(readme).toMatch(/^\s+permissions: \{\}/m);
  });
});
