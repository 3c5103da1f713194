// JUnit XML, the shape GitHub test reporters and Azure DevOps "Publish Test Results" read: one suite named
// imds-check with one testcase per check. fail -> <failure>, skip -> <skipped>, warn -> a passing case whose
// <system-out> carries the warning. Every value is XML-escaped and freed of characters XML 1.0 forbids.

import type { CheckResult, Report } from '../types.js';
import { countByStatus, outcomeText, wholeMs } from './format.js';
import { neutralise } from '../neutralise.js';
import { xmlAttributes, xmlText } from './xml-escape.js';

const SUITE = 'imds-check';

/** Seconds with millisecond precision, as JUnit's time attributes expect. */
function seconds(ms: number): string {
  return (wholeMs(ms) / 1000).toFixed(3);
}

/** Only a well-formed ISO 8601 start time goes into `timestamp`; parsers reject anything else. */
function timestamp(startedAt: string): string | null {
  const text = neutralise(startedAt);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text) ? text : null;
}

/** Detail tables as plain lines: the title, then `column: value` pairs per row. */
function detailLines(c: CheckResult): string[] {
  return (c.details ?? []).flatMap((t) => [
    `${neutralise(t.title)}:`,
    ...t.rows.map((row) =>
      t.columns.map((col, i) => `${neutralise(col)}: ${neutralise(row[i] ?? '')}`).join(', '),
    ),
  ]);
}

function systemOut(lines: string[]): string[] {
  return lines.length === 0
    ? []
    : [`      <system-out>${lines.map((line) => xmlText(line)).join('\n')}</system-out>`];
}

function caseBody(c: CheckResult): string[] {
  const code = neutralise(c.code);
  const message = neutralise(c.message);
  const details = detailLines(c);
  if (c.status === 'fail') {
    const attrs = xmlAttributes([
      ['message', `${code}: ${message}`],
      ['type', code],
    ]);
    return [`      <failure ${attrs}>${xmlText(c.remediation)}</failure>`, ...systemOut(details)];
  }
  if (c.status === 'skip') return [`      <skipped ${xmlAttributes([['message', message || 'skipped']])}/>`];
  if (c.status === 'warn') {
    const outcome = outcomeText(c);
    const lines = [`WARN ${code}: ${message}`, `fix: ${neutralise(c.remediation)}`];
    if (outcome !== '-') lines.push(`outcome: ${outcome}`);
    return systemOut([...lines, ...details]);
  }
  return systemOut(details);
}

function testcase(c: CheckResult): string[] {
  const attrs = xmlAttributes([
    ['classname', SUITE],
    ['name', `${neutralise(c.id)}: ${neutralise(c.title)}`],
    ['time', seconds(c.durationMs)],
  ]);
  const body = caseBody(c);
  if (body.length === 0) return [`    <testcase ${attrs}/>`];
  return [`    <testcase ${attrs}>`, ...body, '    </testcase>'];
}

function properties(report: Report): string[] {
  const props: Array<[string, unknown]> = [
    ['tool.version', report.tool.version],
    ['mode', report.mode.resolved],
    ['mode.signal', report.mode.signal],
    ['endpoint', report.endpoint],
    ['result', report.result],
    ['reachable', String(report.reachable)],
    ['fail-on', report.failOn],
  ];
  return [
    '    <properties>',
    ...props.map(
      ([name, value]) =>
        `      <property ${xmlAttributes([
          ['name', name],
          ['value', value],
        ])}/>`,
    ),
    '    </properties>',
  ];
}

/** The report as JUnit XML (UTF-8), ending with a newline. */
export function renderJunit(report: Report): string {
  const counts = countByStatus(report.checks);
  const totals: Array<[string, unknown]> = [
    ['tests', report.checks.length],
    ['failures', counts.fail],
    ['errors', 0],
    ['skipped', counts.skip],
    ['time', seconds(report.durationMs)],
  ];
  const started = timestamp(report.startedAt);
  const suiteAttrs = xmlAttributes([
    ['name', SUITE],
    ...totals,
    ...(started ? [['timestamp', started] as [string, string]] : []),
  ]);
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites ${xmlAttributes([['name', SUITE], ...totals])}>`,
      `  <testsuite ${suiteAttrs}>`,
      ...properties(report),
      ...report.checks.flatMap(testcase),
      '  </testsuite>',
      '</testsuites>',
    ].join('\n') + '\n'
  );
}
