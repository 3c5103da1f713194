import { renderText } from '../../../src/core/render/text.js';
import { commandProblems } from '../../helpers/injection.js';
import {
  arcReport,
  check,
  detailsReport,
  forgedCode,
  forgedOutcome,
  HOSTILE,
  hostileReport,
  passingReport,
  tokenFailReport,
  unreachableReport,
  waitedReport,
  warnProxyReport,
} from '../../helpers/report-factory.js';

const plain = { color: false };
const ESC = '\u001b';

function lineWith(out: string, text: string): string {
  const line = out.split('\n').find((l) => l.includes(text));
  if (line === undefined) throw new Error(`no line contains ${text}\n${out}`);
  return line;
}

describe('renderText header and checks', () => {
  it('starts with tool, version, resolved mode with its signal, and endpoint', () => {
    const first = renderText(passingReport(), plain).split('\n')[0];
    expect(first).toBe(
      'imds-check 1.0.0  mode: vm (auto: no Arc signal found)  endpoint: http://169.254.169.254',
    );
    const arcFirst = renderText(arcReport(), plain).split('\n')[0];
    expect(arcFirst).toContain('mode: arc (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)');
    const requested = passingReport();
    requested.mode = { requested: 'vm', resolved: 'vm', signal: 'requested' };
    expect(renderText(requested, plain).split('\n')[0]).toContain('mode: vm (requested)');
  });

  it('prints one line per check with status word, title, duration, outcome and message', () => {
    const out = renderText(passingReport(), plain);
    const token = lineWith(out, 'Managed identity token');
    expect(token).toMatch(/^ {2}PASS {2}Managed identity token {2}61 ms {2}HTTP 200 {2}A token for https/);
    expect(lineWith(out, 'Environment')).toMatch(/PASS {2}Environment +1 ms {2}- +No proxy setting/);
    const noOutcome = passingReport();
    noOutcome.checks[0]!.outcome = forgedOutcome('');
    expect(lineWith(renderText(noOutcome, plain), 'Environment')).toMatch(/1 ms {2}- +No proxy setting/);
    expect(out).not.toContain('fix:');
  });

  it('aligns the columns: titles padded, durations right-aligned', () => {
    const out = renderText(unreachableReport(), plain);
    const lines = ['Environment', 'Reachability', 'Instance metadata', 'Managed identity token'].map((t) =>
      lineWith(out, t),
    );
    const msEnds = lines.map((l) => l.indexOf(' ms'));
    expect(new Set(msEnds).size).toBe(1);
    const outcomeStarts = lines.map((l) => l.indexOf(' ms') + 5);
    expect(lines.map((l, i) => l[outcomeStarts[i]! - 1])).toEqual([' ', ' ', ' ', ' ']);
  });

  it('shows attempts only when a check needed more than one', () => {
    expect(renderText(passingReport(), plain)).not.toContain('attempts');
    const out = renderText(unreachableReport(), plain);
    expect(lineWith(out, 'Reachability')).toMatch(
      /FAIL {2}Reachability +10004 ms {2}timeout {2}2 attempts {2}No answer/,
    );
    expect(lineWith(out, 'Instance metadata')).not.toContain('attempts');
  });

  it('adds an indented fix line with remediation and code under warn and fail checks', () => {
    const warn = renderText(warnProxyReport(), plain).split('\n');
    const at = warn.findIndex((l) => l.includes('WARN  Environment'));
    expect(warn[at + 1]).toBe(
      '        fix: Set NO_PROXY=localhost,169.254.169.254 so that the Azure Monitor Agent reaches IMDS directly. (code: proxy_without_imds_bypass)',
    );
    const fail = renderText(tokenFailReport(), plain);
    expect(fail).toContain(
      'fix: The VM has no managed identity, or not the one selected. (code: token_identity_not_found)',
    );
    expect(fail.match(/fix:/g)).toHaveLength(1);
  });

  it('marks skipped checks SKIP with their outcome word', () => {
    expect(lineWith(renderText(unreachableReport(), plain), 'Instance metadata')).toMatch(
      /SKIP {2}Instance metadata +0 ms {2}skipped/,
    );
  });
});

describe('renderText facts and result', () => {
  it('lists machine facts, skipping empty ones', () => {
    const report = arcReport();
    const out = renderText(report, plain);
    expect(out).toContain('\nMachine\n');
    expect(lineWith(out, 'VM id')).toBe('  VM id              02aab8a4-74ef-476e-8182-f6d2ba4166a6');
    expect(out).toContain('Microsoft.HybridCompute/machines/onprem-01');
    expect(out).not.toContain('VM size');
    expect(renderText(unreachableReport(), plain)).not.toContain('Machine');
  });

  it('lists identity facts and labels the token claims as unverified', () => {
    const out = renderText(arcReport(), plain);
    expect(lineWith(out, 'Selector')).toContain('client_id=6b3c2a1f-0d9e-4c8b-a7f6-e5d4c3b2a190');
    expect(out).toContain('token claims (from the token, not verified):');
    expect(lineWith(out, 'Tenant id (tid)')).toContain('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(lineWith(out, 'Expires on')).toContain('2026-05-05T10:11:12Z');
    const noToken = renderText(unreachableReport(), plain);
    expect(noToken).toContain('Identity');
    expect(noToken).not.toContain('token claims');
  });

  it('ends with a result line naming result, reachability, counts and what fail-on makes of it', () => {
    const lines = (r: ReturnType<typeof passingReport>): string[] =>
      renderText(r, plain).trimEnd().split('\n');
    expect(lines(passingReport()).at(-1)).toBe(
      'Result: PASS  IMDS reachable - 4 pass - 87 ms - the run succeeds',
    );
    expect(lines(unreachableReport()).at(-1)).toBe(
      'Result: FAIL  IMDS not reachable - 1 pass, 1 fail, 2 skip - 10.0 s - the run fails (fail-on: error)',
    );
    const letThrough = tokenFailReport();
    letThrough.failOn = 'unreachable';
    expect(lines(letThrough).at(-1)).toContain('the run succeeds with issues (fail-on: unreachable)');
    expect(lines(warnProxyReport()).at(-1)).toContain('Result: WARN');
  });

  it('ends with exactly one newline', () => {
    const out = renderText(passingReport(), plain);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });
});

describe('renderText colour and hostile values', () => {
  it('uses no escape codes without colour', () => {
    expect(renderText(unreachableReport(), plain)).not.toContain(ESC);
  });

  it('colours pass green, warn yellow, fail red and skip dim when colour is on', () => {
    const out = renderText(unreachableReport(), { color: true });
    expect(out).toContain(`${ESC}[32mPASS${ESC}[0m`);
    expect(out).toContain(`${ESC}[31mFAIL${ESC}[0m`);
    expect(out).toContain(`${ESC}[2mSKIP${ESC}[0m`);
    expect(renderText(warnProxyReport(), { color: true })).toContain(`${ESC}[33mWARN${ESC}[0m`);
  });

  it('keeps columns aligned when colour is on', () => {
    const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
    expect(strip(renderText(unreachableReport(), { color: true }))).toBe(
      renderText(unreachableReport(), plain),
    );
  });

  it('strips escape sequences and carriage returns from report values', () => {
    for (const color of [false, true]) {
      const out = renderText(hostileReport(), { color });
      expect(out).not.toContain('\r');
      expect(out).not.toContain('\u0000');
      expect(out).not.toContain('\u0007');
      expect(out).not.toContain(`${ESC}[31mRED`);
      expect(lineWith(out, 'Name')).toBe('  Name               evilRED OVERWRITE');
      // The only escape codes left are the renderer's own colour codes.
      const foreign = out.replace(/\u001b\[(?:0|1|2|31|32|33)m/g, '');
      expect(foreign).not.toContain(ESC);
    }
    expect(HOSTILE.ansi).toContain('\r');
  });

  it('keeps each check on one line even when its message has line breaks', () => {
    const report = passingReport();
    report.checks[1] = check('reachability', { message: 'line one\nline two\r\nline three' });
    expect(lineWith(renderText(report, plain), 'Reachability')).toContain('line one line two line three');
  });
});

describe('renderText details tables, code links and waits', () => {
  const link = (code: string) => `https://github.com/o/r/blob/v1/docs/errors.md#${code}`;

  it("draws a check's details table under it, aligned, after the fix line", () => {
    const lines = renderText(detailsReport(), plain).split('\n');
    const at = lines.findIndex((l) => l.includes('WARN  Environment'));
    expect(lines[at + 1]).toMatch(/^ {8}fix: /);
    expect(lines.slice(at + 2, at + 6)).toEqual([
      '        Proxy settings:',
      '          Variable     Value                    Covers IMDS',
      '          HTTPS_PROXY  http://proxy.corp:3128   no',
      '          NO_PROXY     localhost,.corp.example  no',
    ]);
    expect(lines[at + 6]).toMatch(/^ {2}PASS {2}Reachability/);
  });

  it('names the code and, when given, where it is documented', () => {
    const out = renderText(warnProxyReport(), { color: false, codeLink: link });
    expect(out).toContain(
      `(code: proxy_without_imds_bypass, see https://github.com/o/r/blob/v1/docs/errors.md#proxy_without_imds_bypass)`,
    );
    expect(renderText(warnProxyReport(), plain)).toContain('(code: proxy_without_imds_bypass)');
    // Passing checks have no fix line, so no link.
    expect(renderText(passingReport(), { color: false, codeLink: link })).not.toContain('see https');
  });

  it('links no code that does not have the shape of one (a forged report cannot shape the link)', () => {
    const report = tokenFailReport();
    report.checks[3]!.code = forgedCode('x y/../../evil');
    let asked = 0;
    const out = renderText(report, { color: false, codeLink: (c) => (asked++, link(c)) });
    expect(asked).toBe(0);
    expect(out).toContain('(code: x y/../../evil)');
    expect(out).not.toContain('see https');
  });

  it('says how long the run waited and why, between the checks and the facts', () => {
    const out = renderText(waitedReport(), plain);
    const line =
      'Waited 61.2 s before retries: metadata HTTP 410 (IMDS updating) ×6 (60.0 s); token HTTP 429 (throttled) ×1 (1.2 s).';
    expect(out).toContain(`\n\n${line}\n\nMachine\n`);
    expect(renderText(passingReport(), plain)).not.toContain('Waited');
    const old = passingReport();
    delete old.waits;
    expect(renderText(old, plain)).not.toContain('Waited');
  });
});

describe('renderText hostile values (issue 9)', () => {
  it('no line of the text report carries a pipeline command or a control character', () => {
    for (const color of [false, true]) {
      const out = renderText(hostileReport(), { color }).replace(/\u001b\[(?:0|1|2|31|32|33)m/g, '');
      expect(commandProblems(out)).toEqual([]);
    }
    const out = renderText(hostileReport(), plain);
    expect(lineWith(out, 'Resource id')).toBe(
      `  Resource id        ${HOSTILE.vso.replace('##vso[', '##vso(')}`,
    );
    expect(out).toContain('##(stop-commands]x');
    expect(out).toContain('        : :add-mask::PASS:');
  });
});
