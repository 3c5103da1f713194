import { mdText } from '../../../src/core/render/markdown-escape.js';
import { MAX_SUMMARY_BYTES, renderMarkdown } from '../../../src/core/render/markdown.js';
import type { Report } from '../../../src/core/types.js';
import { commandProblems } from '../../helpers/injection.js';
import {
  arcReport,
  check,
  detailsReport,
  forgedCode,
  hostileReport,
  passingReport,
  tokenFailReport,
  unreachableReport,
  waitedReport,
  warnProxyReport,
} from '../../helpers/report-factory.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Table rows of the section that starts with `header`, as raw lines. */
function tableRows(out: string, header: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no table header ${header}\n${out}`);
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

const CHECKS_HEADER = '| Check | Status | Time | HTTP / outcome | Code |';
const FACTS_HEADER = '| Fact | Value |';

describe('renderMarkdown structure', () => {
  it('heads with a marker for the result and a summary line', () => {
    expect(renderMarkdown(passingReport()).split('\n')[0]).toBe('## ✅ imds-check: pass');
    expect(renderMarkdown(warnProxyReport()).split('\n')[0]).toBe('## ⚠️ imds-check: warn');
    const fail = renderMarkdown(unreachableReport());
    expect(fail.split('\n')[0]).toBe('## ❌ imds-check: fail');
    expect(fail).toContain('IMDS reachable: **no**');
    expect(fail).toContain('1 pass, 1 fail, 2 skip');
  });

  it('has a checks table with one row per check: title, status, time, HTTP/outcome, code', () => {
    const rows = tableRows(renderMarkdown(unreachableReport()), CHECKS_HEADER);
    expect(rows).toEqual([
      '| Environment | ✅ pass | 1 ms | - | `ok` |',
      '| Reachability | ❌ fail | 10004 ms | timeout | `connect_timeout` |',
      '| Instance metadata | ⏭️ skip | 0 ms | skipped | `skipped` |',
      '| Managed identity token | ⏭️ skip | 0 ms | skipped | `skipped` |',
    ]);
    expect(tableRows(renderMarkdown(tokenFailReport()), CHECKS_HEADER)[3]).toBe(
      '| Managed identity token | ❌ fail | 15 ms | HTTP 400 | `token_identity_not_found` |',
    );
  });

  it('shows machine and identity fact tables with non-empty facts only', () => {
    const out = renderMarkdown(arcReport());
    expect(out).toContain('### Machine');
    expect(out).toContain('| Name | onprem-01 |');
    expect(out).not.toContain('VM size');
    expect(out).toContain('| Selector | client&#95;id=6b3c2a1f-0d9e-4c8b-a7f6-e5d4c3b2a190 |');
    expect(out).toContain('| Tenant id (tid) | 72f988bf-86f1-41af-91ab-2d7cd011db47 |');
    expect(out).toContain('_Token claims: from the token, not verified._');
    const unreachable = renderMarkdown(unreachableReport());
    expect(unreachable).not.toContain('### Machine');
    expect(tableRows(unreachable, FACTS_HEADER)).toEqual(['| Kind | system |']);
    expect(unreachable).not.toContain('Token claims');
  });

  it('adds a collapsible section with message and fix for each warn or fail check only', () => {
    expect(renderMarkdown(passingReport())).not.toContain('<details>');
    const warn = renderMarkdown(warnProxyReport());
    expect(warn.match(/<details>/g)).toHaveLength(1);
    expect(warn).toContain(
      '<details><summary>⚠️ Environment: <code>proxy_without_imds_bypass</code></summary>',
    );
    expect(warn).toContain(
      '**Fix:** Set NO&#95;PROXY=localhost,169.254.169.254 so that the Azure Monitor Agent',
    );
    const two = tokenFailReport();
    two.checks[0] = warnProxyReport().checks[0]!;
    const out = renderMarkdown(two);
    expect(out.match(/<details>/g)).toHaveLength(2);
    expect(out.match(/<\/details>/g)).toHaveLength(2);
    expect(out).toContain('**Message:** IMDS answered 400 invalid&#95;request: Identity not found');
  });

  it('ends with exactly one newline', () => {
    const out = renderMarkdown(unreachableReport());
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });
});

describe('renderMarkdown escaping', () => {
  const ALLOWED_TAGS = /<\/?(details|summary|code)>/g;

  it('lets no HTML from a value through', () => {
    const out = renderMarkdown(hostileReport());
    expect(out).not.toContain('<img');
    expect(out.replace(ALLOWED_TAGS, '')).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps every table row at its column count despite pipes and line breaks in values', () => {
    const report = hostileReport();
    report.machine.name = 'two\nlines | and a pipe';
    const out = renderMarkdown(report);
    for (const row of [...tableRows(out, CHECKS_HEADER), ...tableRows(out, FACTS_HEADER)]) {
      const columns = row.split('|').length - 2;
      expect([2, 5]).toContain(columns);
    }
    expect(out).toContain('| VM size | a &#124; pipe |');
    expect(out).toContain('| Name | two lines &#124; and a pipe |');
  });

  it('neutralises link and image syntax and bare URLs', () => {
    const out = renderMarkdown(hostileReport());
    expect(out).not.toMatch(/\]\(/);
    expect(out).not.toContain('![');
    expect(out).not.toContain('http://evil');
    expect(out).toContain('| OS type | &#91;x&#93;(http:&#47;&#47;evil) |');
    expect(out).toContain('| Azure environment | !&#91;i&#93;(http:&#47;&#47;evil) |');
    expect(mdText('see www.evil.example')).toBe('see www&#46;evil.example');
    expect(mdText('mail a@evil.example')).toBe('mail a&#64;evil.example');
  });

  it('escapes quotes, ampersands and backticks, and drops control characters', () => {
    expect(mdText(`"a" & 'b' \`c\``)).toBe('&quot;a&quot; &amp; &#39;b&#39; &#96;c&#96;');
    const out = renderMarkdown(hostileReport());
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('| Name | evilRED OVERWRITE |');
  });

  it('does not trust a code value: a malformed code is escaped text, not a code span', () => {
    const report = tokenFailReport();
    report.checks[3] = check('token', { status: 'fail', code: forgedCode('x` <b>|') });
    const out = renderMarkdown(report);
    expect(out).toContain('| x&#96; &lt;b&gt;&#124; |');
    expect(out).not.toContain('<b>');
  });
});

describe('renderMarkdown size cap', () => {
  it('clips a huge message with an ellipsis and stays small', () => {
    const report = tokenFailReport();
    report.checks[3]!.message = 'A'.repeat(3 * 1024 * 1024);
    const out = renderMarkdown(report);
    expect(bytes(out)).toBeLessThan(64 * 1024);
    expect(out).toMatch(/\*\*Message:\*\* A{1999}…\n/);
  });

  it('keeps the worst case of four checks (every value huge and escape-heavy) under the cap with details', () => {
    const report = passingReport();
    const heavy = '"&'.repeat(1024 * 1024);
    report.result = 'fail';
    report.checks = report.checks.map((c) => ({
      ...c,
      status: 'fail',
      title: heavy,
      message: heavy,
      remediation: heavy,
      code: forgedCode(heavy),
    }));
    for (const key of Object.keys(report.machine) as Array<keyof Report['machine']>)
      report.machine[key] = heavy;
    const out = renderMarkdown(report);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(out.match(/<details>/g)).toHaveLength(4);
  });

  it('drops the details with a note when they would push the summary over the cap', () => {
    const report = tokenFailReport();
    const big = '&'.repeat(10_000);
    report.checks = Array.from({ length: 60 }, (_, i) =>
      check('token', {
        status: 'fail',
        title: `Check ${i}`,
        code: 'token_server_error',
        message: big,
        remediation: big,
      }),
    );
    const out = renderMarkdown(report);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(bytes(out)).toBeLessThan(1024 * 1024);
    expect(out).not.toContain('<details>');
    expect(out).toContain('Details were left out to keep this summary under the 1 MiB limit');
    expect(tableRows(out, CHECKS_HEADER)).toHaveLength(60);
  });

  it('cuts at a line boundary with a note when even the tables are too large', () => {
    const report = passingReport();
    const big = '&'.repeat(10_000);
    report.checks = Array.from({ length: 200 }, () => check('metadata', { title: big }));
    const out = renderMarkdown(report);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(out).toContain('The summary was cut here to stay under the 1 MiB limit');
    const rows = tableRows(out, CHECKS_HEADER);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(200);
    for (const row of rows) expect(row.endsWith(' |')).toBe(true);
  });

  it('mentions the 1 MiB note only when something was left out', () => {
    expect(renderMarkdown(hostileReport())).not.toContain('1 MiB');
  });
});

describe('renderMarkdown details tables, code links and waits', () => {
  const link = (code: string) => `https://github.com/o/r/blob/v1/docs/errors.md#${code}`;

  it("draws each check's details table under a heading naming the check, values escaped", () => {
    const out = renderMarkdown(detailsReport());
    expect(out).toContain('### Environment: Proxy settings');
    expect(tableRows(out, '| Variable | Value | Covers IMDS |')).toEqual([
      '| HTTPS&#95;PROXY | http:&#47;&#47;proxy.corp:3128 | no |',
      '| NO&#95;PROXY | localhost,.corp.example | no |',
    ]);
    // After the checks table, before the machine facts.
    expect(out.indexOf('### Environment: Proxy settings')).toBeGreaterThan(out.indexOf(CHECKS_HEADER));
    expect(out.indexOf('### Environment: Proxy settings')).toBeLessThan(out.indexOf('### Machine'));
    expect(renderMarkdown(passingReport())).not.toContain('Proxy settings');
  });

  it('keeps a details row at its column count when a row is short or a cell holds a pipe', () => {
    const report = detailsReport();
    report.checks[0]!.details![0]!.rows = [['only one'], ['a | b', 'c', 'd', 'extra']];
    const rows = tableRows(renderMarkdown(report), '| Variable | Value | Covers IMDS |');
    expect(rows).toEqual(['| only one |  |  |', '| a &#124; b | c | d |']);
  });

  it('links the code column and the fix to the code section when a link is given', () => {
    const out = renderMarkdown(warnProxyReport(), { codeLink: link });
    expect(tableRows(out, CHECKS_HEADER)[0]).toBe(
      '| Environment | ⚠️ warn | 2 ms | - | [`proxy_without_imds_bypass`](https://github.com/o/r/blob/v1/docs/errors.md#proxy_without_imds_bypass) |',
    );
    expect(out).toContain(
      'directly. ([`proxy_without_imds_bypass`](https://github.com/o/r/blob/v1/docs/errors.md#proxy_without_imds_bypass))',
    );
    const plainOut = renderMarkdown(warnProxyReport());
    expect(plainOut).not.toContain('](');
  });

  it('links no code that does not have the shape of one, and URL-encodes what the link function returns', () => {
    const report = tokenFailReport();
    report.checks[3] = check('token', { status: 'fail', code: forgedCode('evil)(javascript:alert(1)') });
    const asked: string[] = [];
    const out = renderMarkdown(report, {
      codeLink: (c) => {
        asked.push(c);
        return `https://x.example/a b#${c}`;
      },
    });
    // Only the three well-shaped codes (the passing checks' `ok`) were ever looked up.
    expect(asked).toEqual(['ok', 'ok', 'ok']);
    expect(out).not.toContain('javascript:alert(1)](');
    expect(out).not.toMatch(/\]\([^)]*evil/);
    expect(out).toContain('https://x.example/a%20b#ok');
  });

  it('says how long the run waited and why, under the checks table', () => {
    const out = renderMarkdown(waitedReport());
    const line =
      'Waited 61.2 s before retries: metadata HTTP 410 (IMDS updating) ×6 (60.0 s); token HTTP 429 (throttled) ×1 (1.2 s).';
    expect(out).toContain(`${tableRows(out, CHECKS_HEADER).at(-1)}\n\n${line}\n\n### Machine`);
    expect(renderMarkdown(passingReport())).not.toContain('Waited');
  });
});

describe('renderMarkdown hostile values (issue 9)', () => {
  it('no line of the summary carries a pipeline command or a control character', () => {
    const out = renderMarkdown(hostileReport(), { codeLink: (c) => `docs/errors.md#${c}` });
    expect(commandProblems(out)).toEqual([]);
    expect(out).not.toContain('##vso[');
    expect(out).not.toMatch(/^\s*::/m);
  });
});
