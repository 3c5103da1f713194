// docs/errors.md must document exactly the codes in CODES (read at test time, so a code added to codes.ts
// without documentation fails here), each with the check that produces it, a cause and a fix.
import { readFileSync } from 'node:fs';
import { CODES } from '../../src/core/codes.js';
import { CHECKS } from '../../src/core/registry.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

interface Section {
  code: string;
  body: string;
}

/** Every `### \`code\`` section, with its text up to the next heading of level 1–3. */
function sections(markdown: string): Section[] {
  const found: Section[] = [];
  const heading = /^### `([^`]+)`\s*$/gm;
  for (let m = heading.exec(markdown); m !== null; m = heading.exec(markdown)) {
    const rest = markdown.slice(m.index + m[0].length);
    const end = rest.search(/^#{1,3} /m);
    found.push({ code: m[1]!, body: end < 0 ? rest : rest.slice(0, end) });
  }
  return found;
}

/** The text after `**Label:**` up to the next bold label or the end of the section. */
function field(body: string, label: string): string {
  const at = body.indexOf(`**${label}:**`);
  if (at < 0) return '';
  const after = body.slice(at + label.length + 5);
  const next = after.search(/\n\*\*[A-Z][a-z]+:\*\*/);
  return (next < 0 ? after : after.slice(0, next)).trim();
}

const documented = sections(doc);
const documentedCodes = documented.map((s) => s.code);
const catalogue: string[] = [...CODES];

describe('docs/errors.md', () => {
  it('documents every code in CODES', () => {
    const missing = catalogue.filter((c) => !documentedCodes.includes(c));
    expect({ missing }).toEqual({ missing: [] });
  });

  it('documents no code that CODES does not have', () => {
    const extra = documentedCodes.filter((c) => !catalogue.includes(c));
    expect({ extra }).toEqual({ extra: [] });
  });

  it('documents each code once', () => {
    const twice = documentedCodes.filter((c, i) => documentedCodes.indexOf(c) !== i);
    expect({ twice }).toEqual({ twice: [] });
  });

  it.each(documented.map((s) => [s.code, s.body] as const))(
    '%s has a Check, a Cause and a Fix',
    (_code, body) => {
      for (const label of ['Check', 'Cause', 'Fix']) {
        const text = field(body, label);
        expect({ label, ok: text.length >= 3 }).toEqual({ label, ok: true });
      }
    },
  );

  it.each(documented.map((s) => [s.code, s.body] as const))(
    '%s names checks the registry has',
    (_code, body) => {
      // Besides the checks: codes of any check, usage errors before any check, and the fleet merge step.
      const ids = new Set<string>([...CHECKS.map((c) => c.id), 'any', 'none', 'merge']);
      const named = field(body, 'Check')
        .split(/[(:]/)[0]!
        .split(/[,.\s]+/)
        .filter((w) => w !== '');
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((w) => !ids.has(w))).toEqual([]);
    },
  );

  it('says which codes are warnings: the ones a check only warns with', () => {
    for (const code of ['proxy_without_imds_bypass', 'metadata_value_rejected', 'token_claim_rejected']) {
      const section = documented.find((s) => s.code === code)!;
      expect([code, field(section.body, 'Check')]).toEqual([code, expect.stringContaining('(warning)')]);
    }
  });

  it('groups the codes under the check headings', () => {
    const groups = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(groups).toEqual(
      expect.arrayContaining([
        'Environment',
        'Reachability and transport',
        'Metadata',
        'Token',
        'Azure Arc key-file challenge',
        'Usage',
      ]),
    );
  });

  it('explains where codes appear and the exit codes 0, 1 and 2', () => {
    expect(doc).toContain('checks[].code');
    expect(doc).toMatch(/annotation/i);
    for (const exit of ['exit **0**', 'exit **1**', 'exit **2**']) expect(doc).toContain(exit);
  });

  it('links only to anchors that exist', () => {
    const anchors = new Set([
      ...documentedCodes,
      ...[...doc.matchAll(/^##+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, '')
          .replace(/ /g, '-'),
      ),
    ]);
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});

describe('the section parser itself', () => {
  it('finds sections and their fields, and notices a missing Fix', () => {
    const sample =
      '## G\n\n### `a`\n\n**Check:** x.\n\n**Cause:** y.\n\n**Fix:**\n\n- step one\n\n### `b`\n\n**Cause:** z.\n';
    const found = sections(sample);
    expect(found.map((s) => s.code)).toEqual(['a', 'b']);
    expect(field(found[0]!.body, 'Fix')).toBe('- step one');
    expect(field(found[1]!.body, 'Fix')).toBe('');
  });
});
