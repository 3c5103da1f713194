// The ama check end to end in-process: the real engine and IMDS emulator, the Azure Monitor listeners on
// loopback, host names mapped to them by the injected resolver. One run covers a different scenario per host
// (they are probed concurrently), another the healthy path and what every renderer and output makes of it.
import { CHECKS } from '../../../../src/core/registry.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  buildOutputs,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
} from '../../../../src/core/index.js';
import type { CheckResult } from '../../../../src/core/index.js';
import { commandProblems } from '../../../helpers/injection.js';
import {
  ALL_HOSTS,
  DCE,
  GLOBAL,
  ODS,
  REGIONAL,
  WORKSPACE,
  rigNetwork,
  runAma,
  startRig,
  type Rig,
} from './harness.js';

const dce = (name: string, kind = 'ingest'): string => `${name}.westeurope-1.${kind}.monitor.azure.com`;
/** host -> [listener scenario, expected code] */
const MIXED: Record<string, [string, string]> = {
  [GLOBAL]: ['healthy', 'ok'],
  [REGIONAL]: ['intercepted', 'ama_tls_inspected'],
  [ODS]: ['untrusted', 'ama_tls_untrusted'],
  [dce('expired')]: ['expired', 'ama_tls_expired'],
  [dce('wronghost')]: ['wrong-host', 'ama_tls_hostname'],
  [dce('oldtls')]: ['tls11', 'ama_tls_old_version'],
  [dce('blockpage')]: ['html', 'ama_not_azure_answer'],
  [dce('sick', 'handler.control')]: ['unhealthy', 'ama_ping_unhealthy'],
  [dce('viaheader')]: ['via', 'ama_not_azure_answer'],
  [dce('nodns')]: ['healthy', 'ama_dns_failed'],
  [dce('ods-ok')]: ['healthy', 'ok'],
};
const DCES = Object.keys(MIXED).filter((h) => h.includes('-1.'));

const check = (checks: CheckResult[]): CheckResult => checks.find((c) => c.id === 'ama')!;
type Host = {
  host: string;
  code: string;
  status: string;
  via: string;
  tls: Record<string, unknown>;
  http: Record<string, unknown>;
};
const hostsOf = (c: CheckResult): Host[] => c.data!['hosts'] as unknown as Host[];

describe('one host per scenario, probed concurrently', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ scenarios: Object.fromEntries(Object.entries(MIXED).map(([h, [s]]) => [h, s])) });
  });
  afterAll(() => rig.close());

  test('each host gets the code of the step it failed at; the check names the first failure', async () => {
    const network = rigNetwork(rig, {}, [dce('nodns')]);
    const run = await runAma(rig, { 'workspace-ids': WORKSPACE, 'dce-endpoints': DCES.join(',') }, network, {
      NODE_EXTRA_CA_CERTS: rig.inspectionFile,
    });
    const ama = check(run.outcome.report.checks);
    const hosts = hostsOf(ama);
    expect(Object.fromEntries(hosts.map((h) => [h.host, h.code]))).toEqual(
      Object.fromEntries(Object.entries(MIXED).map(([h, [, code]]) => [h, code])),
    );
    expect([ama.status, ama.code]).toEqual(['fail', 'ama_tls_inspected']);
    expect(ama.message).toContain(`${REGIONAL}: TLS intercepted by 'Contoso Firewall CA'`);
    expect(ama.message).toContain("the chain from 'Untrusted Test CA' is not trusted");
    expect(ama.message).toContain('only TLSv1.1');
    expect(ama.message).toContain("titled 'Access blocked by Contoso Web Filter'");
    expect(ama.message).toContain("passed through '1.1 contoso-proxy.corp.example' (Via header");
    expect(ama.message).toContain('the name did not resolve (ENOTFOUND)');
    // The other failing codes' fixes come first, then the check code's own.
    expect(ama.remediation).toMatch(/^For ama_tls_untrusted: /);
    expect(ama.remediation).toContain('For ama_dns_failed: ');
    const regional = hosts.find((h) => h.host === REGIONAL)!;
    expect(regional.tls).toEqual({
      version: 'TLSv1.3',
      verified: true,
      issuer: 'Contoso Firewall CA',
      root: 'Contoso Firewall CA',
      intercepted: true,
    });
    expect(hosts.find((h) => h.host === dce('oldtls'))!.tls['version']).toBe('TLSv1.1');
    expect(hosts.find((h) => h.host === dce('sick', 'handler.control'))!.http).toEqual({
      status: 503,
      body: 'Unhealthy',
    });
    expect(hosts.find((h) => h.host === dce('ods-ok'))!.http['status']).toBe(401);
    const outputs = buildOutputs(run.outcome.report, null, false, '/r.json');
    const failed = Object.entries(MIXED)
      .filter(([, [, code]]) => code !== 'ok')
      .map(([h]) => h);
    expect(outputs['ama-status']).toBe('fail');
    expect(outputs['ama-failed-endpoints']!.split(',')).toEqual(failed);
    // The list is printed before any host finishes; then one line per host.
    const listed = run.progress.filter((l) => / host \d+\/11 /.test(l));
    const finished = run.progress.filter((l) => / \d+ ms$/.test(l));
    expect(listed).toHaveLength(11);
    expect(finished).toHaveLength(11);
    expect(run.progress.indexOf(finished[0]!)).toBeGreaterThan(run.progress.indexOf(listed[10]!));
  });

  test('without NODE_EXTRA_CA_CERTS the inspecting CA is untrusted, still named', async () => {
    const run = await runAma(rig, {}, rigNetwork(rig));
    const regional = hostsOf(check(run.outcome.report.checks)).find((h) => h.host === REGIONAL)!;
    expect(regional.code).toBe('ama_tls_untrusted');
    expect(regional.tls['intercepted']).toBe(false);
    expect(check(run.outcome.report.checks).message).toContain(
      "the chain from 'Contoso Firewall CA' is not trusted",
    );
  });

  test('the test Azure root counts only when given as ama-trusted-roots', async () => {
    const run = await runAma(rig, { 'ama-trusted-roots': '' }, rigNetwork(rig));
    const global = hostsOf(check(run.outcome.report.checks)).find((h) => h.host === GLOBAL)!;
    expect(global.code).toBe('ama_tls_untrusted');
  });
});

describe('healthy, every channel', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  test('pass with one row per host in the summary, text and JUnit; outputs and report entries', async () => {
    const run = await runAma(rig, { 'workspace-ids': WORKSPACE, 'dce-endpoints': DCE }, rigNetwork(rig));
    const report = run.outcome.report;
    const ama = check(report.checks);
    expect([report.result, ama.status, ama.code]).toEqual(['pass', 'pass', 'ok']);
    // Every check the registry wants with ama true, in its order: ama after token.
    const ids = report.checks.map((c) => c.id);
    expect(ids).toEqual(
      CHECKS.filter((c) => c.wanted?.({ ama: true, samples: 1 } as never) ?? true).map((c) => c.id),
    );
    expect(ids.slice(0, 4)).toEqual(['environment', 'reachability', 'metadata', 'token']);
    expect(ids).toContain('ama');
    const hosts = hostsOf(ama);
    expect(hosts.map((h) => h.host)).toEqual(ALL_HOSTS);
    expect(hosts[0]).toEqual({
      host: GLOBAL,
      purpose: 'global handler',
      required: true,
      addresses: ['127.0.0.1'],
      private: false,
      connectMs: expect.any(Number),
      via: 'direct',
      tls: {
        version: 'TLSv1.3',
        verified: true,
        issuer: 'imds-check Test Azure TLS Issuing CA 01',
        root: 'imds-check Test Azure Root CA',
        intercepted: false,
      },
      http: { status: 200, body: 'Healthy' },
      status: 'pass',
      code: 'ok',
    });
    expect(buildOutputs(report, null, false, '')).toMatchObject({
      'ama-status': 'pass',
      'ama-failed-endpoints': '',
    });
    const markdown = renderMarkdown(report);
    const rows = markdown.split('\n').filter((l) => ALL_HOSTS.some((h) => l.startsWith(`| ${h} |`)));
    expect(rows).toHaveLength(4);
    const text = renderText(report, { color: false });
    for (const h of ALL_HOSTS) expect(text).toContain(h);
    const junit = renderJunit(report);
    expect(junit).toContain('Azure Monitor Agent endpoints');
    for (const h of ALL_HOSTS) expect(junit).toContain(h);
    const json = JSON.parse(renderJson(report)) as { checks: { id: string; hosts?: unknown[] }[] };
    expect(json.checks.find((c) => c.id === 'ama')!.hosts).toHaveLength(4);
    for (const channel of [markdown, text, junit, renderJson(report)])
      expect(commandProblems(channel)).toEqual([]);
  });
});
