// The client × scenario table each conformance suite prints once: what every real client ended with.
import { describeOutcome, type ClientOutcome } from './run-client.js';
import { IDENTITY_LABELS, type ConformanceCase } from './cases.js';
import type { ClientName, Runtime } from './runtime.js';

export type Results = Map<string, ClientOutcome>;

export const resultKey = (c: ConformanceCase, client: ClientName): string => `${c.mode}|${c.row}|${client}`;

export function formatTable(
  title: string,
  cases: readonly ConformanceCase[],
  clients: readonly Runtime[],
  results: Results,
): string {
  const header = ['scenario (emulator)', ...clients.map((r) => r.label)];
  const rows = cases.map((c) => [
    `${c.row} (${c.scenario})`,
    ...clients.map((r) => {
      if (r.command === null) return 'skipped';
      const outcome = results.get(resultKey(c, r.client));
      return outcome ? describeOutcome(outcome, IDENTITY_LABELS) : 'not run';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  const table = [title, line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
  if (rows.some((row) => row.includes('not run'))) {
    table.push('not run: nothing is asserted for that client there (its outcome depends on its version)');
  }
  return table.join('\n');
}
