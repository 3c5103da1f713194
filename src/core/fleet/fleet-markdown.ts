// The fleet summary (GitHub step summary, Azure DevOps summary tab, `merge --markdown`): totals first, then
// the failing machines grouped by code with each code's fix once, counts per code and location, then the
// passing machines collapsed. Every report value goes through mdText()/mdCode(); fixes come from
// remedies.ts. Large fleets keep the summary under the 1 MiB limit by listing fewer rows, then cutting.
import { linkFor, type CodeLink } from '../render/format.js';
import { cutToBudget, joinSections, MAX_SUMMARY_BYTES } from '../render/markdown.js';
import { mdCode, mdText } from '../render/markdown-escape.js';
import type { InputSpelling } from '../types.js';
import { fixesFor } from './fixes.js';
import type { FleetReport, FleetRow } from './fleet-types.js';
import {
  countsText,
  failingGroups,
  machinesText,
  passingRows,
  resultWord,
  rowCodes,
  supersededText,
  verdictText,
  type CodeGroup,
} from './words.js';

export interface FleetMarkdownOptions {
  spell: InputSpelling;
  codeLink?: CodeLink;
}

/** How many rows each table lists before "and N more". */
interface Limits {
  perCode: number;
  passing: number;
  superseded: number;
}

const ALL: Limits = { perCode: Infinity, passing: Infinity, superseded: Infinity };
const FEWER: Limits = { perCode: 200, passing: 1000, superseded: 200 };
const FEWEST: Limits = { perCode: 20, passing: 0, superseded: 0 };

const table = (header: string[], rows: string[][]): string[] => {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
};

const more = (shown: number, total: number): string[] =>
  total > shown ? ['', `_… and ${total - shown} more; the JSON report lists them all._`] : [];

const cell = (value: string, empty = '-'): string => mdText(value) || empty;

function codeRef(code: string, codeLink: CodeLink | undefined): string {
  const link = linkFor(codeLink, code);
  return link ? `[${mdCode(code)}](${encodeURI(link)})` : mdCode(code) || '(no code)';
}

function heading(report: FleetReport): string[] {
  const mark = report.result === 'pass' ? '✅' : '❌';
  const facts = [`**${mdText(verdictText(report))}**`, mdText(countsText(report))];
  const superseded = supersededText(report);
  if (superseded) facts.push(mdText(superseded));
  facts.push(`${mdText(report.tool.name)} ${mdText(report.tool.version)}`);
  const c = report.counts;
  // The conflicting column only when there are some, so the common table stays as narrow as it was.
  const header = ['Passed', 'Warned', 'Failed', 'of which invalid', 'of which missing'];
  const cells = [c.passed, c.warned, c.failed, c.invalid, c.missing];
  if (c.conflicts > 0) {
    header.push('of which conflicting');
    cells.push(c.conflicts);
  }
  return [
    `## ${mark} imds-check fleet: ${report.result}`,
    '',
    facts.join(' · '),
    '',
    ...table([...header, 'Machines'], [[...cells, c.machines].map(String)]),
  ];
}

/** What fails the whole gate whatever min-pass says, each with its fix, before any machine. */
function gateSection(report: FleetReport, options: FleetMarkdownOptions): string[] {
  if (report.gateFailures.length === 0) return [];
  return [
    '### The gate fails whatever min-pass says',
    '',
    ...report.gateFailures.map((g) => {
      const fix = fixesFor(g.code, [], options.spell)[0]!.text;
      return `- ${codeRef(g.code, options.codeLink)}: ${mdText(g.detail)}. **Fix:** ${mdText(fix)}`;
    }),
  ];
}

/** Every report of each vmId that came from more than one leg folder. */
function conflictSection(report: FleetReport, limit: number): string[] {
  const rows = report.conflicts.flatMap((x) =>
    x.reports.map((r) => [cell(x.vmId), cell(r.source), cell(r.name), cell(r.result), cell(r.startedAt)]),
  );
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit);
  return [
    `<details open><summary>${report.conflicts.length} vmId${report.conflicts.length === 1 ? '' : 's'} from more than one leg folder</summary>`,
    '',
    ...table(['VM id', 'Report', 'Machine', 'Result', 'Started'], shown),
    ...more(shown.length, rows.length),
    '',
    '</details>',
  ];
}

function groupSection(group: CodeGroup, options: FleetMarkdownOptions, limit: number): string[] {
  const rows = group.entries.map((e) => e.row);
  const fixes = fixesFor(group.code, rows, options.spell);
  const shown = group.entries.slice(0, limit);
  return [
    `#### ${codeRef(group.code, options.codeLink)}: ${machinesText(group.entries.length)}`,
    '',
    ...fixes.map((f) => `**Fix${f.label ? ` (${mdText(f.label)})` : ''}:** ${mdText(f.text)}`),
    '',
    ...table(
      ['Machine', 'VM id', 'Location', 'Mode', 'Check', 'Report'],
      shown.map(({ row, check }) => [
        cell(row.name),
        cell(row.vmId),
        cell(row.location),
        cell(row.mode),
        cell(check),
        cell([row.source, row.reason ? `(${row.reason})` : ''].filter((t) => t !== '').join(' ')),
      ]),
    ),
    ...more(shown.length, group.entries.length),
  ];
}

function failingSection(report: FleetReport, options: FleetMarkdownOptions, limits: Limits): string[] {
  if (report.counts.machines === 0)
    return [
      `### ${codeRef('fleet_no_reports', options.codeLink)}: no report found`,
      '',
      ...fixesFor('fleet_no_reports', [], options.spell).map((f) => `**Fix:** ${mdText(f.text)}`),
    ];
  const groups = failingGroups(report);
  if (groups.length === 0) return [];
  return [
    '### Failing machines by code',
    '',
    ...groups.flatMap((g) => [...groupSection(g, options, limits.perCode), '']),
  ];
}

function countTables(report: FleetReport): string[] {
  if (report.codes.length === 0 && report.locations.length <= 1) return [];
  const codes = report.codes.map((c) => [
    mdCode(c.code) || '(no code)',
    String(c.failed),
    String(c.allowed),
    String(c.warned),
  ]);
  const locations = report.locations.map((l) =>
    [cell(l.location, '(unknown)'), l.machines, l.passed, l.warned, l.failed].map(String),
  );
  return [
    ...(codes.length > 0
      ? ['### Machines per code', '', ...table(['Code', 'Failed', 'Allowed', 'Warned'], codes), '']
      : []),
    '### Machines per location',
    '',
    ...table(['Location', 'Machines', 'Passed', 'Warned', 'Failed'], locations),
  ];
}

function passingSection(report: FleetReport, limit: number): string[] {
  const rows = passingRows(report);
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit);
  const line = (row: FleetRow): string[] => [
    cell(row.name),
    cell(row.vmId),
    cell(row.location),
    cell(row.mode),
    mdText(resultWord(row)),
    rowCodes(row)
      .map((code) => mdCode(code))
      .join(', ') || '-',
    cell(row.source),
  ];
  return [
    `<details><summary>✅ ${machinesText(rows.length)} passing</summary>`,
    '',
    ...(shown.length > 0
      ? table(['Machine', 'VM id', 'Location', 'Mode', 'Result', 'Codes', 'Report'], shown.map(line))
      : []),
    ...more(shown.length, rows.length),
    '',
    '</details>',
  ];
}

function supersededSection(report: FleetReport, limit: number): string[] {
  const list = report.superseded;
  if (list.length === 0) return [];
  const shown = list.slice(0, limit);
  return [
    `<details><summary>${list.length} superseded ${list.length === 1 ? 'report' : 'reports'}</summary>`,
    '',
    ...(shown.length > 0
      ? table(
          ['Report', 'Machine', 'VM id', 'Started', 'Replaced by'],
          shown.map((s) => [
            cell(s.source),
            cell(s.name),
            cell(s.vmId),
            cell(s.startedAt),
            cell(s.supersededBy),
          ]),
        )
      : []),
    ...more(shown.length, list.length),
    '',
    '</details>',
  ];
}

function render(report: FleetReport, options: FleetMarkdownOptions, limits: Limits): string {
  const sections = [
    heading(report),
    gateSection(report, options),
    failingSection(report, options, limits),
    countTables(report),
    conflictSection(report, limits.perCode),
    passingSection(report, limits.passing),
    supersededSection(report, limits.superseded),
  ];
  return joinSections(sections);
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The fleet as Markdown, always below MAX_SUMMARY_BYTES. */
export function renderFleetMarkdown(report: FleetReport, options: FleetMarkdownOptions): string {
  for (const limits of [ALL, FEWER, FEWEST]) {
    const text = render(report, options, limits);
    if (bytes(text) <= MAX_SUMMARY_BYTES) return text;
  }
  return cutToBudget(render(report, options, FEWEST), MAX_SUMMARY_BYTES);
}
