// A check is a folder checks/<id>/ whose index.ts exports a CheckModule: its id and title, when it is wanted,
// its inputs, outputs and codes with their fixes, run → finding, an optional settle step (revise its finding
// once every check ran) and what it adds to the report. finish() turns a check's verdict into the result every
// renderer draws: neutralised text, the code's remedy, timings.
import { neutralise } from '../neutralise.js';
import type {
  CheckFindings,
  CheckId,
  CheckResult,
  Code,
  DetailTable,
  Findings,
  IdentityFacts,
  JsonValue,
  MachineFacts,
  Outcome,
  ProbeOptions,
  Remedy,
  Verdict,
} from '../types.js';
import type { InputGroup } from './input-spec.js';
import type { OutputSpec } from './output-spec.js';
import { remedyContext, remedyFor } from './remedy-lookup.js';
import type { Run } from './run-state.js';

/** What a check adds to the run's outcome besides its result. */
export interface CheckAddition {
  /** Report fields this check fills. */
  facts?: { reachable?: boolean; machine?: MachineFacts; identity?: IdentityFacts };
  /** A top-level report section this check owns (e.g. `samples`). */
  section?: { key: string; value: JsonValue };
  /** The token handed back for expose-token; never part of the report. */
  accessToken?: string | null;
}

export interface CheckModule<Id extends CheckId = CheckId> {
  id: Id;
  title: string;
  /** false: the check is absent from the report, summary and JUnit (e.g. ama when not requested). */
  wanted?(options: ProbeOptions): boolean;
  /** The contract inputs it reads and how they parse into its options. */
  inputs?: InputGroup;
  /** The contract outputs it sets, each read from the finished report. */
  outputs?: readonly OutputSpec[];
  /** Its own codes, each with the fix the user is told (codes it shares live with their owner). */
  remedies?: Readonly<Partial<Record<Code, Remedy>>>;
  run(run: Run, findings: Findings): Promise<CheckFindings[Id]>;
  /** After every check ran: revise the finding from what later checks saw. */
  settle?(own: CheckFindings[Id], findings: Findings, run: Run): CheckFindings[Id];
  /** What the run's outcome takes from the settled finding. */
  adds?(own: CheckFindings[Id], run: Run): CheckAddition;
}

const MAX_MESSAGE_CHARS = 4000;

function neutraliseTable(table: DetailTable): DetailTable {
  return {
    title: neutralise(table.title),
    columns: table.columns.map((c) => neutralise(c)),
    rows: table.rows.map((row) => row.map((cell) => neutralise(cell))),
  };
}

type CheckName = Pick<CheckModule, 'id' | 'title' | 'remedies'>;

export function finish(
  run: Pick<Run, 'target' | 'ctx'>,
  check: CheckName,
  startedAt: number,
  verdict: Verdict,
): CheckResult {
  const standard =
    verdict.status === 'pass' || verdict.status === 'skip'
      ? ''
      : remedyFor(verdict.code, remedyContext(run), check.remedies);
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: verdict.status,
    code: verdict.code,
    // Messages embed network values (error bodies, names, realms): neutralised here, once for every channel.
    message: neutralise(verdict.message, MAX_MESSAGE_CHARS),
    remediation: neutralise(
      [verdict.hint ?? '', standard].filter((s) => s !== '').join(' '),
      MAX_MESSAGE_CHARS,
    ),
    durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
    attempts: verdict.attempts ?? 0,
    httpStatus: verdict.httpStatus ?? null,
    outcome: verdict.outcome ?? 'skipped',
  };
  if (verdict.details) result.details = verdict.details.map(neutraliseTable);
  if (verdict.data) result.data = verdict.data;
  return result;
}

export function skip(
  run: Pick<Run, 'target' | 'ctx'>,
  check: CheckName,
  message: string,
  outcome: Outcome = 'skipped',
): CheckResult {
  return finish(run, check, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}
