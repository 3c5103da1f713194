// Markdown for the GitHub step summary and the Azure DevOps summary tab: a result heading, a table of checks,
// fact tables, and a collapsible section per warning or failure. Every report value goes through mdText().
// GitHub accepts at most 1 MiB per step summary, so the output is kept under MAX_SUMMARY_BYTES.

import type { CheckResult, Report } from '../types.js';
import {
  CLAIMS_CAVEAT,
  countsText,
  durationText,
  machineFacts,
  modeText,
  needsAttention,
  outcomeText,
  requestedIdentityFacts,
  linkFor,
  tokenClaimFacts,
  waitsText,
  wholeMs,
  type CodeLink,
  type Fact,
} from './format.js';
import { htmlCode, mdCode, mdText } from './markdown-escape.js';
import { neutralise } from '../neutralise.js';

/** Comfortably below GitHub's 1 MiB step-summary limit, leaving room for other content of the step. */
export const MAX_SUMMARY_BYTES = 900 * 1024;

const MARKERS: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', skip: '⏭️' };

function marker(status: string): string {
  return Object.hasOwn(MARKERS, status) ? (MARKERS[status] ?? '') : '';
}

function statusCell(status: string): string {
  const word = mdText(status);
  const mark = marker(status);
  return mark === '' ? word : `${mark} ${word}`;
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function headingLines(report: Report): string[] {
  const result = neutralise(report.result);
  const summary = [
    `IMDS reachable: **${report.reachable ? 'yes' : 'no'}**`,
    mdText(countsText(report.checks)),
    `mode: ${mdText(modeText(report.mode))}`,
    `endpoint: ${mdText(report.endpoint) || '(default)'}`,
    `${mdText(report.tool.name)} ${mdText(report.tool.version)}`,
    mdText(durationText(report.durationMs)),
  ];
  const heading = ['##', marker(result), 'imds-check:', mdText(result)]
    .filter((part) => part !== '')
    .join(' ');
  return [heading, '', summary.join(' · ')];
}

export interface MarkdownOptions {
  /** Where each code is documented; the Code column links to it. */
  codeLink?: CodeLink;
}

/** The code as a code span, linked to its documentation when there is a link (built by us, never from data). */
function codeCell(code: string, codeLink: CodeLink | undefined): string {
  const link = linkFor(codeLink, neutralise(code));
  return link ? `[${mdCode(code)}](${encodeURI(link)})` : mdCode(code);
}

function checksTable(checks: readonly CheckResult[], options: MarkdownOptions): string[] {
  const rows = checks.map((c) => [
    mdText(c.title),
    statusCell(c.status),
    `${wholeMs(c.durationMs)} ms`,
    mdText(outcomeText(c)),
    codeCell(c.code, options.codeLink),
  ]);
  return table(['Check', 'Status', 'Time', 'HTTP / outcome', 'Code'], rows);
}

/** Each check's detail tables (e.g. one row per host), under a heading naming the check. */
function detailTables(checks: readonly CheckResult[]): string[] {
  return checks.flatMap((c) =>
    (c.details ?? []).flatMap((t) => [
      `### ${mdText(c.title)}: ${mdText(t.title)}`,
      '',
      ...table(
        t.columns.map((col) => mdText(col)),
        t.rows.map((row) => t.columns.map((_, i) => mdText(row[i] ?? ''))),
      ),
      '',
    ]),
  );
}

function factTable(heading: string, facts: Fact[], note?: string): string[] {
  if (facts.length === 0) return [];
  const lines = [
    `### ${heading}`,
    '',
    ...table(
      ['Fact', 'Value'],
      facts.map((f) => [mdText(f.label), mdText(f.value)]),
    ),
  ];
  return note ? [...lines, '', note] : lines;
}

function identitySection(report: Report): string[] {
  const claims = tokenClaimFacts(report.identity);
  const facts = [...requestedIdentityFacts(report.identity), ...claims];
  return factTable('Identity', facts, claims.length > 0 ? `_Token claims: ${CLAIMS_CAVEAT}._` : undefined);
}

function detailBlocks(checks: readonly CheckResult[], options: MarkdownOptions): string[] {
  const blocks = checks.filter(needsAttention).map((c) => {
    const link = linkFor(options.codeLink, neutralise(c.code));
    return [
      `<details><summary>${marker(c.status)} ${mdText(c.title)}: ${htmlCode(c.code)}</summary>`,
      '',
      `**Message:** ${mdText(c.message) || '-'}`,
      '',
      `**Fix:** ${mdText(c.remediation) || '-'}${link ? ` ([${mdCode(c.code)}](${encodeURI(link)}))` : ''}`,
      '',
      '</details>',
    ];
  });
  return blocks.length === 0 ? [] : ['### What to fix', '', ...blocks.flatMap((b) => [...b, ''])];
}

/** Non-empty sections, each trimmed, one blank line apart, ending with a newline. */
export function joinSections(sections: string[][]): string {
  return (
    sections
      .filter((s) => s.length > 0)
      .map((s) => s.join('\n').trimEnd())
      .join('\n\n') + '\n'
  );
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const DETAILS_DROPPED =
  '_Details were left out to keep this summary under the 1 MiB limit; see the JSON report._';
const CUT_NOTE = '\n\n_The summary was cut here to stay under the 1 MiB limit; see the JSON report._\n';

/** Whole lines up to the budget, then a note saying where the rest is. */
export function cutToBudget(text: string, budget: number): string {
  const room = budget - bytes(CUT_NOTE);
  let used = 0;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const size = bytes(line) + 1;
    if (used + size > room) break;
    kept.push(line);
    used += size;
  }
  return kept.join('\n').trimEnd() + CUT_NOTE;
}

/** The report as Markdown, always below 1 MiB (normally far below; see MAX_SUMMARY_BYTES). */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const waited = waitsText(report.waits);
  const base = [
    headingLines(report),
    checksTable(report.checks, options),
    waited === '' ? [] : [mdText(waited)],
    detailTables(report.checks),
    factTable('Machine', machineFacts(report.machine)),
    identitySection(report),
  ];
  const full = joinSections([...base, detailBlocks(report.checks, options)]);
  if (bytes(full) <= MAX_SUMMARY_BYTES) return full;
  const hasDetails = report.checks.some(needsAttention);
  const withoutDetails = joinSections([...base, hasDetails ? [DETAILS_DROPPED] : []]);
  if (bytes(withoutDetails) <= MAX_SUMMARY_BYTES) return withoutDetails;
  return cutToBudget(withoutDetails, MAX_SUMMARY_BYTES);
}
