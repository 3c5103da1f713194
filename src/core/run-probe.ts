// One run: resolve the target (mode, endpoint), run the registered checks in order, let each settle once all
// have run, then build the report. Expected outcomes never throw.
import { Budget } from './budget.js';
import { EMPTY_MACHINE } from './checks/metadata-answer.js';
import { selectorText } from './checks/token-answer.js';
import { resolveTarget } from './modes/target.js';
import type { CheckModule } from './pipeline/check.js';
import type { Finding, Findings } from './pipeline/findings.js';
import { CHECKS } from './pipeline/registry.js';
import { createRun } from './pipeline/run.js';
import type {
  CheckResult,
  IdentityFacts,
  JsonValue,
  ProbeOptions,
  ProbeOutcome,
  Report,
  RunResult,
  RuntimeContext,
} from './types.js';

function emptyIdentity(options: ProbeOptions): IdentityFacts {
  return {
    kind: options.identity,
    selector: selectorText(options.selector),
    principalId: '',
    tenantId: '',
    appId: '',
    audience: '',
    expiresOn: '',
    tokenType: '',
  };
}

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
    run.agent.destroy();
  }
  const results = checks.map((check) => own(findings, check)!.check);
  const sections: { [key: string]: JsonValue } = {};
  for (const check of checks) {
    const value = check.section?.value(own(findings, check)!);
    if (check.section && value !== undefined) sections[check.section.key] = value;
  }
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: ctx.toolVersion },
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
    mode: { requested: options.mode, resolved: target.profile.mode, signal: target.signal },
    endpoint: target.endpoint.base,
    result: aggregate(results),
    reachable: findings.reachability?.reachable ?? false,
    failOn: options.failOn,
    checks: results,
    machine: findings.metadata?.machine ?? EMPTY_MACHINE,
    identity: findings.token?.identity ?? emptyIdentity(options),
    waits: run.progress.records(),
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
  };
  return { report, accessToken: findings.token?.accessToken ?? null };
}
