// JUnit XML, the shape GitHub test reporters and Azure DevOps "Publish Test Results" read: one suite named
// imds-check with one testcase per check. fail -> <failure>, skip -> <skipped>, warn -> a passing case whose
// <system-out> carries the warning. Every value is XML-escaped and freed of characters XML 1.0 forbids.

import type { CheckResult, Report } from '../types.js';
import { countByStatus, outcomeText, wholeMs } from './format.js';
import { safeText } from './sanitize.js';
import { xmlAttributes, xmlText } from './xml-escape.js';

const SUITE = 'imds-check';

/** Seconds with millisecond precision, as JUnit's time attributes expect. */
function seconds(ms: number): string {
  return (wholeMs(ms) / 1000).toFixed(3);
}

/** Only a well-formed ISO 8601 start time goes into `timestamp`; parsers reject anything else. */
function timestamp(startedAt: string): string | null {
  const text = safeText(startedAt);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text) ? text : null;
}

function caseBody(c: CheckResult): string[] {
  const code = safeText(c.code);
  const message = safeText(c.message);
  if (c.status === 'fail') {
    const attrs = xmlAttributes([
      ['message', `${code}: ${message}`],
      ['type', code],
    ]);
    return [`      <failure ${attrs}>${xmlText(c.remediation)}</failure>`];
  }
  if (c.status === 'skip') return [`      <skipped ${xmlAttributes([['message', message || 'skipped']])}/>`];
  if (c.status === 'warn') {
    const outcome = outcomeText(c);
    const lines = [`WARN ${code}: ${message}`, `fix: ${safeText(c.remediation)}`];
    if (outcome !== '-') lines.push(`outcome: ${outcome}`);
    return [`      <system-out>${lines.map((line) => xmlText(line)).join('\n')}</system-out>`];
  }
  return [];
}

function testcase(c: CheckResult): string[] {
  const attrs = xmlAttributes([
    ['classname', SUITE],
    ['name', `${safeText(c.id)}: ${safeText(c.title)}`],
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
