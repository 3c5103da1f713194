// One run: resolve the target (mode, endpoint), run the registered checks in order, let each settle once all
// have run, then build the report from what each check adds. Expected outcomes never throw.
import type { RuntimeContext } from './context.js';
import { Budget } from './imds/budget.js';
import { resolveTarget } from './modes/target.js';
import type { CheckAddition, CheckModule } from './pipeline/check.js';
import { createRun } from './pipeline/run-state.js';
import { CHECKS } from './registry.js';
import {
  EMPTY_MACHINE,
  emptyIdentity,
  type CheckResult,
  type Finding,
  type Findings,
  type JsonValue,
  type ProbeOptions,
  type ProbeOutcome,
  type Report,
  type RunResult,
} from './types.js';

function aggregate(checks: CheckResult[]): RunResult {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

/** Findings are keyed by check id; one typed store for modules of every kind. */
const own = (findings: Findings, check: CheckModule): Finding | undefined =>
  (findings as Record<string, Finding | undefined>)[check.id];
const keep = (findings: Findings, check: CheckModule, finding: Finding): void => {
  (findings as Record<string, Finding>)[check.id] = finding;
};

export async function runProbe(options: ProbeOptions, ctx: RuntimeContext): Promise<ProbeOutcome> {
  const startedAtMs = ctx.clock.now();
  const budget = new Budget(ctx.clock, options.timeoutSeconds * 1000);
  const target = await resolveTarget(options, ctx);
  const run = createRun(options, ctx, target, budget);
  const checks = CHECKS.filter((check) => check.wanted?.(options) ?? true);
  const findings: Findings = {};
  try {
    for (const check of checks) keep(findings, check, await check.run(run, findings));
    for (const check of checks) {
      const finding = own(findings, check);
      if (check.settle && finding) keep(findings, check, check.settle(finding, findings, run));
    }
  } finally {
    run.close();
  }
  const added: CheckAddition[] = checks.map((check) => check.adds?.(own(findings, check)!, run) ?? {});
  const facts = Object.assign({}, ...added.map((a) => a.facts ?? {})) as NonNullable<CheckAddition['facts']>;
  const sections: { [key: string]: JsonValue } = {};
  for (const { section } of added) if (section) sections[section.key] = section.value;
  const results = checks.map((check) => own(findings, check)!.check);
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: ctx.toolVersion },
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
    mode: { requested: options.mode, resolved: target.profile.mode, signal: target.signal },
    endpoint: target.endpoint.base,
    result: aggregate(results),
    reachable: facts.reachable ?? false,
    failOn: options.failOn,
    checks: results,
    machine: facts.machine ?? EMPTY_MACHINE,
    identity: facts.identity ?? emptyIdentity(options.identity),
    waits: run.progress.records(),
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
  };
  const accessToken = added.find((a) => a.accessToken !== undefined)?.accessToken ?? null;
  return { report, accessToken };
}
