import { renderJson } from '../../../src/core/render/json.js';
import type { Report } from '../../../src/core/types.js';
import { commandProblems } from '../../helpers/injection.js';
import {
  detailsReport,
  HOSTILE,
  hostileReport,
  passingReport,
  unreachableReport,
  waitedReport,
} from '../../helpers/report-factory.js';

describe('renderJson', () => {
  it('is pretty JSON with 2-space indent and a trailing newline, and round-trips the report', () => {
    const report = passingReport();
    const out = renderJson(report);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "schemaVersion": 1,');
    expect(JSON.parse(out)).toEqual(report);
  });

  it('keeps the key order of the Report type', () => {
    const parsed = JSON.parse(renderJson(unreachableReport())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'tool',
      'startedAt',
      'durationMs',
      'mode',
      'endpoint',
      'result',
      'reachable',
      'failOn',
      'checks',
      'machine',
      'identity',
      'waits',
    ]);
    const checks = parsed.checks as Array<Record<string, unknown>>;
    expect(Object.keys(checks[0]!)).toEqual([
      'id',
      'title',
      'status',
      'code',
      'message',
      'remediation',
      'durationMs',
      'attempts',
      'httpStatus',
      'outcome',
    ]);
    expect(Object.keys(parsed.mode as object)).toEqual(['requested', 'resolved', 'signal']);
    expect(Object.keys(parsed.identity as object)).toEqual([
      'kind',
      'selector',
      'principalId',
      'tenantId',
      'appId',
      'audience',
      'expiresOn',
      'tokenType',
    ]);
  });

  it('drops properties the Report type does not name, at every level', () => {
    const secret = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-token-payload.signature';
    const report = passingReport() as Report & Record<string, unknown>;
    report.accessToken = secret;
    Object.assign(report.tool, { token: secret });
    Object.assign(report.checks[3]!, { accessToken: secret });
    Object.assign(report.machine, { arcSecret: secret });
    Object.assign(report.identity, { rawToken: secret });
    Object.assign(report.mode, { debug: secret });
    const out = renderJson(report);
    expect(out).not.toContain(secret);
    expect(out).not.toContain('accessToken');
    expect(JSON.parse(out)).toEqual(passingReport());
  });

  it('keeps untrusted strings as data (JSON escapes them) rather than altering them', () => {
    const report = hostileReport();
    const parsed = JSON.parse(renderJson(report)) as Report;
    expect(parsed.machine.name).toBe(report.machine.name);
    expect(renderJson(report)).not.toContain('\u001b');
  });
});

describe('renderJson: waits, check data and sections', () => {
  it('carries the retry waits in their key order', () => {
    const parsed = JSON.parse(renderJson(waitedReport())) as Report;
    expect(parsed.waits).toEqual(waitedReport().waits);
    expect(Object.keys(parsed.waits![0]!)).toEqual(['check', 'reason', 'waits', 'ms']);
  });

  it('writes waits: [] for an older report without them', () => {
    const report = passingReport();
    delete report.waits;
    expect((JSON.parse(renderJson(report)) as Report).waits).toEqual([]);
  });

  it("adds a check's own data fields after the standard ones; details tables stay out of the JSON", () => {
    const parsed = JSON.parse(renderJson(detailsReport())) as { checks: Array<Record<string, unknown>> };
    const env = parsed.checks[0]!;
    expect(Object.keys(env)).toEqual([
      'id',
      'title',
      'status',
      'code',
      'message',
      'remediation',
      'durationMs',
      'attempts',
      'httpStatus',
      'outcome',
      'proxies',
    ]);
    expect(env['proxies']).toEqual([{ source: 'HTTPS_PROXY', covered: false }]);
  });

  it('check data never replaces a standard field', () => {
    const report = passingReport();
    report.checks[0]!.data = { status: 'pass-forged', code: 'forged', extra: 1 };
    report.checks[0]!.status = 'warn';
    const parsed = JSON.parse(renderJson(report)) as { checks: Array<Record<string, unknown>> };
    expect(parsed.checks[0]).toMatchObject({ status: 'warn', code: 'ok', extra: 1 });
  });

  it('appends check-owned sections after the standard fields, never over them', () => {
    const report = passingReport();
    report.sections = { samples: { total: 20, ok: 20 }, result: 'forged' };
    const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(-2)).toEqual(['waits', 'samples']);
    expect(parsed['samples']).toEqual({ total: 20, ok: 20 });
    expect(parsed['result']).toBe('pass');
  });
});

describe('renderJson: hostile values (issue 9)', () => {
  it('no line carries a pipeline command or a control character, and the data parses back equal', () => {
    const report = hostileReport();
    const out = renderJson(report);
    expect(commandProblems(out)).toEqual([]);
    expect(out).not.toContain('##');
    const parsed = JSON.parse(out) as Report;
    expect(parsed.machine.resourceId).toBe(HOSTILE.vso);
    expect(parsed.identity.tokenType).toBe(HOSTILE.colon);
    expect(parsed.machine.vmId).toBe(HOSTILE.bidi);
    expect(parsed.checks[2]!.message).toBe(report.checks[2]!.message);
  });
});
