// A check is a module: an id, a title, whether it was requested, run → finding, and optionally a settle step
// (revise its result once every check ran) and outputs of its own. finish() turns what a check decided into
// the CheckResult every renderer draws: neutralised text, the code's remedy, timings.
import type { Code } from '../codes.js';
import type { Outputs } from '../contract.js';
import { neutralise } from '../neutralise.js';
import { remedyFor } from '../remedies.js';
import type {
  CheckId,
  CheckResult,
  CheckStatus,
  DetailTable,
  JsonValue,
  Outcome,
  ProbeOptions,
  Report,
} from '../types.js';
import type { CheckFindings, Findings } from './findings.js';
import type { Run } from './run.js';

export interface CheckModule<Id extends CheckId = CheckId> {
  id: Id;
  title: string;
  /** false: the check is absent from the report, summary and JUnit (e.g. ama when not requested). */
  wanted?(options: ProbeOptions): boolean;
  run(run: Run, findings: Findings): Promise<CheckFindings[Id]>;
  /** After every check ran: revise the finding from what later checks saw. */
  settle?(own: CheckFindings[Id], findings: Findings, run: Run): CheckFindings[Id];
  /** Outputs this check owns, read from the finished report (called whether or not the check ran). */
  outputs?(report: Report): Outputs;
  /** A top-level report section this check owns (e.g. `samples`). */
  section?: { key: string; value(own: CheckFindings[Id]): JsonValue | undefined };
}

export interface CheckEnd {
  status: CheckStatus;
  code: Code;
  message: string;
  attempts?: number;
  httpStatus?: number | null;
  outcome?: Outcome;
  /** Situation-specific advice placed before the code's standard remediation. */
  hint?: string;
  details?: DetailTable[];
  data?: { [key: string]: JsonValue };
}

const MAX_MESSAGE_CHARS = 4000;

function neutraliseTable(table: DetailTable): DetailTable {
  return {
    title: neutralise(table.title),
    columns: table.columns.map((c) => neutralise(c)),
    rows: table.rows.map((row) => row.map((cell) => neutralise(cell))),
  };
}

export function finish(
  run: Pick<Run, 'target' | 'ctx'>,
  check: Pick<CheckModule, 'id' | 'title'>,
  startedAt: number,
  end: CheckEnd,
): CheckResult {
  const standard =
    end.status === 'pass' || end.status === 'skip'
      ? ''
      : remedyFor(end.code, {
          profile: run.target.profile,
          platform: run.ctx.platform,
          spell: run.ctx.spell,
        });
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: end.status,
    code: end.code,
    // Messages embed network values (error bodies, names, realms): neutralised here, once for every channel.
    message: neutralise(end.message, MAX_MESSAGE_CHARS),
    remediation: neutralise([end.hint ?? '', standard].filter((s) => s !== '').join(' '), MAX_MESSAGE_CHARS),
    durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
    attempts: end.attempts ?? 0,
    httpStatus: end.httpStatus ?? null,
    outcome: end.outcome ?? 'skipped',
  };
  if (end.details) result.details = end.details.map(neutraliseTable);
  if (end.data) result.data = end.data;
  return result;
}

export function skip(
  run: Pick<Run, 'target' | 'ctx'>,
  check: Pick<CheckModule, 'id' | 'title'>,
  message: string,
  outcome: Outcome = 'skipped',
): CheckResult {
  return finish(run, check, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}
