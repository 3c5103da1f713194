// How an output is declared: the run (run-outputs.ts) and each check declare the outputs they set, the shape a
// network-fed value must fit, and how the value is read from the finished report (their action.yml and task.json
// texts are in the owner's `<id>-manifest.json`). outputs.ts puts them together through the registry.
import type { Shape } from '../shapes.js';
import { isSocketWord, type OutputName, type Report } from '../types.js';

/** What an output may read besides the report. */
export interface OutputSources {
  accessToken: string | null;
  exposeToken: boolean;
  reportPath: string;
}

export interface OutputSpec {
  name: OutputName;
  /** A value fed by the network becomes the output only when it fits; otherwise the output is ''. */
  shape?: Shape;
  /** The value ('' when unknown); undefined leaves the output unset (access-token unless exposed). */
  value(report: Report, sources: OutputSources): string | undefined;
}

/** The status output of a check: its outcome, or the socket word of reachability when nothing answered. */
export function statusOutput(report: Report, id: string, requested: boolean): string {
  const check = report.checks.find((c) => c.id === id);
  const reach = report.checks.find((c) => c.id === 'reachability');
  if (!check) return '';
  // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
  const word = reach?.outcome ?? '';
  if (check.outcome === 'skipped' && requested && !report.reachable && isSocketWord(word)) return word;
  return check.outcome;
}

/** A check's status as its `<id>-status` output says it: pass, warn or fail, or `skipped` when absent or skipped. */
export function checkStatusOutput(report: Report, id: string): string {
  const check = report.checks.find((c) => c.id === id);
  return !check || check.status === 'skip' ? 'skipped' : check.status;
}

/** The shape of such an output. */
export const isCheckStatusWord = (value: string): boolean => /^(pass|warn|fail|skipped)$/.test(value);
