// Human output for a terminal: a header, one aligned line per check (plus a "fix:" line for warnings and
// failures), the machine and identity facts, and a result line. ANSI colour only when asked for; every
// report value is stripped of escape sequences first, so an IMDS answer cannot drive the terminal.

import { stepVerdict } from '../policy.js';
import type { CheckResult, Report } from '../types.js';
import {
  attemptCount,
  CLAIMS_CAVEAT,
  countsText,
  durationText,
  machineFacts,
  modeText,
  needsAttention,
  outcomeText,
  requestedIdentityFacts,
  statusWord,
  linkFor,
  tokenClaimFacts,
  waitsText,
  wholeMs,
  type CodeLink,
  type Fact,
} from './format.js';
import { neutralise } from '../neutralise.js';

export interface TextStyle {
  color: boolean;
  /** Where each code is documented; the fix line names it after the code. */
  codeLink?: CodeLink;
}

type Paint = (text: string) => string;
const SGR = { green: '32', yellow: '33', red: '31', dim: '2', bold: '1' } as const;

function painter(style: TextStyle): (sgr: keyof typeof SGR) => Paint {
  return (sgr) => (style.color ? (text) => `\u001b[${SGR[sgr]}m${text}\u001b[0m` : (text) => text);
}

function statusPaint(status: string, paint: ReturnType<typeof painter>): Paint {
  if (status === 'pass') return paint('green');
  if (status === 'warn') return paint('yellow');
  if (status === 'fail') return paint('red');
  return paint('dim');
}

const INDENT = '  ';

/** A check's detail tables, indented under it: a title line, then one aligned row per entry. */
function detailLines(check: CheckResult, indent: string): string[] {
  const lines: string[] = [];
  for (const table of check.details ?? []) {
    const rows = [table.columns, ...table.rows].map((row) => row.map((cell) => neutralise(cell)));
    const widths = table.columns.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    lines.push(`${indent}${neutralise(table.title)}:`);
    for (const row of rows)
      lines.push(`${indent}  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
  }
  return lines;
}

function checkLines(
  checks: readonly CheckResult[],
  paint: ReturnType<typeof painter>,
  style: TextStyle,
): string[] {
  const rows = checks.map((c) => ({
    check: c,
    word: statusWord(c.status),
    title: neutralise(c.title),
    ms: `${wholeMs(c.durationMs)} ms`,
    outcome: outcomeText(c),
    attempts: attemptCount(c) > 1 ? `${attemptCount(c)} attempts` : '',
  }));
  const width = (pick: (r: (typeof rows)[number]) => string): number =>
    Math.max(0, ...rows.map((r) => pick(r).length));
  const w = {
    word: width((r) => r.word),
    title: width((r) => r.title),
    ms: width((r) => r.ms),
    outcome: width((r) => r.outcome),
    attempts: width((r) => r.attempts),
  };
  // The fix line starts under the title, so the eye finds it below the check it belongs to.
  const fixIndent = INDENT + ' '.repeat(w.word + 2);
  const lines: string[] = [];
  for (const r of rows) {
    const columns = [
      statusPaint(r.check.status, paint)(r.word.padEnd(w.word)),
      r.title.padEnd(w.title),
      r.ms.padStart(w.ms),
      r.outcome.padEnd(w.outcome),
    ];
    if (w.attempts > 0) columns.push(r.attempts.padEnd(w.attempts));
    columns.push(neutralise(r.check.message));
    lines.push((INDENT + columns.join('  ')).trimEnd());
    if (needsAttention(r.check)) {
      const fix = neutralise(r.check.remediation) || 'See docs/errors.md.';
      const code = neutralise(r.check.code);
      const link = linkFor(style.codeLink, code);
      lines.push(`${fixIndent}${paint('bold')('fix:')} ${fix} (code: ${code}${link ? `, see ${link}` : ''})`);
    }
    lines.push(...detailLines(r.check, fixIndent));
  }
  return lines;
}

function factLines(heading: string, facts: Fact[], paint: ReturnType<typeof painter>): string[] {
  if (facts.length === 0) return [];
  const width = Math.max(...facts.map((f) => f.label.length));
  return [paint('bold')(heading), ...facts.map((f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`)];
}

function identityLines(report: Report, paint: ReturnType<typeof painter>): string[] {
  const requested = requestedIdentityFacts(report.identity);
  const claims = tokenClaimFacts(report.identity);
  const width = Math.max(0, ...[...requested, ...claims].map((f) => f.label.length));
  const row = (f: Fact): string => `${INDENT}${f.label.padEnd(width)}  ${f.value}`;
  const lines = [paint('bold')('Identity'), ...requested.map(row)];
  if (claims.length > 0)
    lines.push(`${INDENT}${paint('dim')(`token claims (${CLAIMS_CAVEAT}):`)}`, ...claims.map(row));
  return lines;
}

function verdictText(report: Report): string {
  const verdict = stepVerdict(report);
  const failOn = `fail-on: ${neutralise(report.failOn)}`;
  if (verdict === 'failed') return `the run fails (${failOn})`;
  if (verdict === 'succeeded-with-issues') return `the run succeeds with issues (${failOn})`;
  return 'the run succeeds';
}

function resultLine(report: Report, paint: ReturnType<typeof painter>): string {
  const word = statusWord(report.result);
  const reach = report.reachable ? 'IMDS reachable' : 'IMDS not reachable';
  const parts = [reach, countsText(report.checks), durationText(report.durationMs), verdictText(report)];
  return `${paint('bold')(statusPaint(report.result, paint)(`Result: ${word}`))}  ${parts.join(' - ')}`;
}

/** The report for a terminal; ends with a newline. */
export function renderText(report: Report, style: TextStyle): string {
  const paint = painter(style);
  const header = [
    paint('bold')(`${neutralise(report.tool.name)} ${neutralise(report.tool.version)}`),
    `mode: ${modeText(report.mode)}`,
    `endpoint: ${neutralise(report.endpoint) || '(default)'}`,
  ].join('  ');
  const sections = [
    [header],
    checkLines(report.checks, paint, style),
    [waitsText(report.waits)].filter((line) => line !== ''),
    factLines('Machine', machineFacts(report.machine), paint),
    identityLines(report, paint),
    [resultLine(report, paint)],
  ].filter((lines) => lines.length > 0);
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
