import { renderJson } from '../../src/core/render/json.js';
import type { Report } from '../../src/core/types.js';
import { hostileReport, passingReport, unreachableReport } from './report-factory.js';

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
