// The one Report factory of the tests: reports shaped like what the engine produces for common situations.
// Each factory returns a fresh object, so a test may mutate its copy.

import type { Code } from '../../src/core/codes.js';
import {
  EMPTY_MACHINE,
  emptyIdentity,
  type CheckResult,
  type Outcome,
  type Report,
} from '../../src/core/types.js';

type CheckPatch = Partial<CheckResult>;

export function check(id: CheckResult['id'], patch: CheckPatch = {}): CheckResult {
  const titles: Partial<Record<CheckResult['id'], string>> = {
    environment: 'Environment',
    reachability: 'Reachability',
    metadata: 'Instance metadata',
    token: 'Managed identity token',
    ama: 'Azure Monitor Agent endpoints',
    stability: 'Stability over samples',
  };
  const title = titles[id] ?? id;
  return {
    id,
    title,
    status: 'pass',
    code: 'ok',
    message: `${title} looks fine.`,
    remediation: 'Nothing to fix.',
    durationMs: 12,
    attempts: 1,
    httpStatus: id === 'environment' ? null : 200,
    // The engine gives the environment check (which sends nothing) the outcome 'skipped'.
    outcome: id === 'environment' ? 'skipped' : '200',
    ...patch,
  };
}

/** VM, system identity, everything answered. */
export function passingReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: '1.0.0' },
    startedAt: '2026-05-04T10:11:12.345Z',
    durationMs: 87,
    mode: { requested: 'auto', resolved: 'vm', signal: 'default-vm' },
    endpoint: 'http://169.254.169.254',
    result: 'pass',
    reachable: true,
    failOn: 'error',
    checks: [
      check('environment', { message: 'No proxy setting would catch IMDS traffic.', durationMs: 1 }),
      check('reachability', { message: 'IMDS answered (Server: IMDS/150.870.65.1854).', durationMs: 4 }),
      check('metadata', { message: 'Instance metadata is complete.', durationMs: 9 }),
      check('token', { message: 'A token for https://management.azure.com/ was issued.', durationMs: 61 }),
    ],
    machine: {
      vmId: '02aab8a4-74ef-476e-8182-f6d2ba4166a6',
      name: 'build-agent-07',
      resourceId:
        '/subscriptions/8d10da13-8125-4ba9-a717-bf7490507b3d/resourceGroups/rg-build/providers/Microsoft.Compute/virtualMachines/build-agent-07',
      subscriptionId: '8d10da13-8125-4ba9-a717-bf7490507b3d',
      resourceGroup: 'rg-build',
      location: 'westeurope',
      azEnvironment: 'AzurePublicCloud',
      vmSize: 'Standard_D2s_v5',
      osType: 'Linux',
    },
    identity: {
      kind: 'system',
      selector: '',
      principalId: 'a3f4c1de-0b1c-4f4e-9a52-8d7b6c5e4f30',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      appId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      audience: 'https://management.azure.com/',
      expiresOn: '2026-05-05T10:11:12Z',
      tokenType: 'Bearer',
    },
    waits: [],
  };
}

/** passingReport() with fields replaced. */
export function reportWith(overrides: Partial<Report> = {}): Report {
  return { ...passingReport(), ...overrides };
}

/** IMDS was updating: the metadata check retried through 410s before it passed (issue 10). */
export function waitedReport(): Report {
  const r = passingReport();
  r.durationMs = 62_400;
  r.checks[2] = check('metadata', {
    message: 'Instance metadata read after 7 attempts.',
    attempts: 7,
    durationMs: 61_900,
  });
  r.waits = [
    { check: 'metadata', reason: 'HTTP 410 (IMDS updating)', waits: 6, ms: 60_000 },
    { check: 'token', reason: 'HTTP 429 (throttled)', waits: 1, ms: 1_200 },
  ];
  return r;
}

/** A check that draws a table of its own (like the AMA check's hosts) and carries JSON fields of its own. */
export function detailsReport(): Report {
  const r = warnProxyReport();
  r.checks[0] = {
    ...r.checks[0]!,
    details: [
      {
        title: 'Proxy settings',
        columns: ['Variable', 'Value', 'Covers IMDS'],
        rows: [
          ['HTTPS_PROXY', 'http://proxy.corp:3128', 'no'],
          ['NO_PROXY', 'localhost,.corp.example', 'no'],
        ],
      },
    ],
    data: { proxies: [{ source: 'HTTPS_PROXY', covered: false }] },
  };
  return r;
}

/** A proxy setting would catch other programs' IMDS traffic: environment warns, the rest passes. */
export function warnProxyReport(): Report {
  const r = passingReport();
  r.result = 'warn';
  r.checks[0] = check('environment', {
    status: 'warn',
    code: 'proxy_without_imds_bypass',
    message: 'HTTPS_PROXY=http://proxy.corp:3128 is set and NO_PROXY does not cover 169.254.169.254.',
    remediation:
      'Set NO_PROXY=localhost,169.254.169.254 so that the Azure Monitor Agent reaches IMDS directly.',
    durationMs: 2,
  });
  return r;
}

/** Packets dropped: reachability fails after two connect attempts, metadata and token are skipped. */
export function unreachableReport(): Report {
  const r = passingReport();
  r.result = 'fail';
  r.reachable = false;
  r.durationMs = 10_013;
  r.checks = [
    check('environment', { message: 'No proxy setting would catch IMDS traffic.', durationMs: 1 }),
    check('reachability', {
      status: 'fail',
      code: 'connect_timeout',
      message: 'No answer from 169.254.169.254:80 within 5 s (2 attempts).',
      remediation: 'Packets to IMDS are dropped. Check the route for 169.254.169.254/32.',
      durationMs: 10_004,
      attempts: 2,
      httpStatus: null,
      outcome: 'timeout',
    }),
    check('metadata', skipped('IMDS is not reachable.')),
    check('token', skipped('IMDS is not reachable.')),
  ];
  r.machine = emptyMachine();
  r.identity = emptyIdentity(r.identity.kind, r.identity.selector);
  return r;
}

/** IMDS answers, but the VM has no managed identity. */
export function tokenFailReport(): Report {
  const r = passingReport();
  r.result = 'fail';
  r.checks[3] = check('token', {
    status: 'fail',
    code: 'token_identity_not_found',
    message: 'IMDS answered 400 invalid_request: Identity not found',
    remediation: 'The VM has no managed identity, or not the one selected.',
    durationMs: 15,
    httpStatus: 400,
    outcome: '400',
  });
  r.identity = emptyIdentity(r.identity.kind, r.identity.selector);
  return r;
}

/** Arc server found through the agent's environment variables, user identity selected. */
export function arcReport(): Report {
  const r = passingReport();
  r.mode = { requested: 'auto', resolved: 'arc', signal: 'identity-endpoint-env' };
  r.endpoint = 'http://localhost:40342';
  r.machine.resourceId =
    '/subscriptions/8d10da13-8125-4ba9-a717-bf7490507b3d/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/onprem-01';
  r.machine.name = 'onprem-01';
  r.machine.vmSize = '';
  r.machine.osType = 'linux';
  r.identity.kind = 'user';
  r.identity.selector = 'client_id=6b3c2a1f-0d9e-4c8b-a7f6-e5d4c3b2a190';
  return r;
}

export function skipped(message: string): CheckPatch {
  return {
    status: 'skip',
    code: 'skipped',
    message,
    remediation: '',
    durationMs: 0,
    httpStatus: null,
    outcome: 'skipped',
  };
}

export function emptyMachine(): Report['machine'] {
  return { ...EMPTY_MACHINE };
}

/** Values an attacker controlling the answer (or a hostile environment) could plant in a report. */
export const HOSTILE = {
  vso: 'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
  legacy: 'vm1 ##[stop-commands]x',
  colon: '::add-mask::PASS',
  bidi: 'bidi \u202egnp.exe',
  ansi: 'evil\u001b[31mRED\u001b[0m\rOVERWRITE',
  html: '<img src=x onerror=alert(1)>',
  pipe: 'a | pipe',
  link: '[x](http://evil)',
  image: '![i](http://evil)',
  xmlBreakers: 'nul\u0000bell\u0007cdata]]>amp&lt<',
};

/** A failing report whose untrusted fields carry every HOSTILE value. */
export function hostileReport(): Report {
  const r = tokenFailReport();
  r.machine.name = HOSTILE.ansi;
  r.machine.location = HOSTILE.html;
  r.machine.vmSize = HOSTILE.pipe;
  r.machine.osType = HOSTILE.link;
  r.machine.azEnvironment = HOSTILE.image;
  r.identity.selector = HOSTILE.xmlBreakers;
  r.machine.resourceId = HOSTILE.vso;
  r.identity.audience = HOSTILE.legacy;
  r.identity.tokenType = HOSTILE.colon;
  r.machine.vmId = HOSTILE.bidi;
  const token = r.checks[3]!;
  token.message = `${HOSTILE.html} ${HOSTILE.link} ${HOSTILE.image} ${HOSTILE.pipe} ${HOSTILE.ansi} ${HOSTILE.xmlBreakers}`;
  token.remediation = `${HOSTILE.image} then ${HOSTILE.xmlBreakers} \`code\``;
  const meta = r.checks[2]!;
  meta.status = 'warn';
  meta.code = 'metadata_value_rejected';
  meta.message = `${HOSTILE.vso}\n${HOSTILE.colon}`;
  meta.remediation = `${HOSTILE.legacy} ${HOSTILE.bidi}`;
  meta.details = [
    { title: HOSTILE.colon, columns: [HOSTILE.vso, 'b'], rows: [[HOSTILE.legacy, HOSTILE.bidi]] },
  ];
  r.waits = [{ check: 'metadata', reason: HOSTILE.vso, waits: 1, ms: 2_000 }];
  return r;
}

/**
 * A value the types do not allow, as a forged or merged report (or an older tool version) may carry one:
 * renderers must cope with any string where a code or outcome is expected.
 */
export const forgedCode = (value: string): Code => value as Code;
export const forgedOutcome = (value: string): Outcome => value as Outcome;
