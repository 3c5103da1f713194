// The fleet for a terminal or a CI log: a header, the failing machines grouped by code with each code's fix
// once, machines per location, the passing machines in brief, and a result line. Every report value is
// neutralised first, so a forged report can neither drive a terminal nor issue a pipeline command.
import { neutralise } from '../neutralise.js';
import { linkFor, type CodeLink } from '../render/format.js';
import type { InputSpelling } from '../types.js';
import { fixesFor } from './fixes.js';
import type { FleetReport, GateFailure } from './fleet-types.js';
import {
  countsText,
  failingGroups,
  machinesText,
  passingRows,
  supersededText,
  verdictText,
  type CodeGroup,
} from './words.js';

export interface FleetTextOptions {
  spell: InputSpelling;
  codeLink?: CodeLink;
}

/** Passing machines named on the "passing" line before "and N more". */
const PASSING_NAMES = 20;

const shown = (value: string, empty = '-'): string => neutralise(value, 200) || empty;

/** Rows of cells as aligned columns under `indent`. */
function columns(rows: string[][], indent: string): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `${indent}${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
}

function groupLines(group: CodeGroup, options: FleetTextOptions): string[] {
  const code = neutralise(group.code) || '(no code)';
  const link = linkFor(options.codeLink, code);
  const fixes = fixesFor(
    group.code,
    group.entries.map((e) => e.row),
    options.spell,
  );
  return [
    `FAIL  ${code}  ${machinesText(group.entries.length)}${link ? `  (see ${link})` : ''}`,
    ...fixes.map((f) => `      fix${f.label ? ` (${f.label})` : ''}: ${neutralise(f.text)}`),
    ...columns(
      group.entries.map(({ row, check }) => [
        shown(row.name),
        shown(row.vmId),
        shown(row.location),
        shown(row.mode),
        shown(check),
        [shown(row.source, ''), row.reason ? `(${neutralise(row.reason)})` : ''].filter((t) => t).join(' '),
      ]),
      '      ',
    ),
  ];
}

/** A failure of the whole gate: its code, what happened and the fix, before the machines. */
function gateLines(failure: GateFailure, options: FleetTextOptions): string[] {
  const link = linkFor(options.codeLink, failure.code);
  return [
    `GATE  ${failure.code}  ${neutralise(failure.detail)}${link ? `  (see ${link})` : ''}`,
    ...fixesFor(failure.code, [], options.spell).map((f) => `      fix: ${neutralise(f.text)}`),
  ];
}

function locationLine(report: FleetReport): string {
  const parts = report.locations.map(
    (l) =>
      `${shown(l.location, '(unknown)')} ${l.machines} (${l.passed} passed, ${l.warned} warned, ${l.failed} failed)`,
  );
  return parts.length > 0 ? `Locations: ${parts.join('; ')}` : '';
}

function passingLine(report: FleetReport): string {
  const rows = passingRows(report);
  if (rows.length === 0) return '';
  const names = rows.slice(0, PASSING_NAMES).map((r) => shown(r.name, shown(r.source)));
  const rest = rows.length > PASSING_NAMES ? `, and ${rows.length - PASSING_NAMES} more` : '';
  return `Passing: ${machinesText(rows.length)}: ${names.join(', ')}${rest}`;
}

export function renderFleetText(report: FleetReport, options: FleetTextOptions): string {
  const groups = failingGroups(report);
  const header = [
    `${neutralise(report.tool.name)} fleet ${neutralise(report.tool.version)}`,
    `  ${countsText(report)}`,
    supersededText(report) ? `  ${supersededText(report)}` : '',
  ];
  const noReports =
    report.counts.machines === 0
      ? groupLines({ code: 'fleet_no_reports', entries: [] }, options).filter((l) => !l.startsWith('FAIL'))
      : [];
  const sections = [
    header.filter((l) => l !== ''),
    noReports,
    ...report.gateFailures.map((g) => gateLines(g, options)),
    ...groups.map((g) => groupLines(g, options)),
    [locationLine(report)].filter((l) => l !== ''),
    [passingLine(report)].filter((l) => l !== ''),
    [`Result: ${report.result.toUpperCase()}  ${verdictText(report)}`],
  ].filter((s) => s.length > 0);
  return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}
