import { toCamel } from '../../src/core/contract.js';
import { parseOptions } from '../../src/core/options.js';
import type { InputSpelling, ProbeOptions, RawInputs } from '../../src/core/types.js';
import { ACTION_SPELLING, CLI_SPELLING, TASK_SPELLING } from '../../src/host/spelling.js';

const GUID = '2f3c4d5e-6a7b-4c8d-9e0f-112233445566';
const UAMI = `/subscriptions/${GUID}/resourceGroups/rg-ama/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ama-id`;

function ok(raw: RawInputs): ProbeOptions {
  const r = parseOptions(raw, ACTION_SPELLING);
  if (!r.ok) throw new Error(`expected success, got: ${r.error.message}`);
  return r.options;
}

function rejected(raw: RawInputs, spelling: InputSpelling = ACTION_SPELLING) {
  const r = parseOptions(raw, spelling);
  if (r.ok) throw new Error(`expected rejection of ${JSON.stringify(raw)}`);
  return r.error;
}

describe('parseOptions defaults', () => {
  const defaults: Partial<ProbeOptions> = {
    mode: 'auto',
    identity: 'system',
    selector: null,
    resource: '',
    endpoint: '',
    // Issue 10: IMDS answers 410 for up to ~70 s while it is updated; 90 s rides that out.
    timeoutSeconds: 90,
    failOn: 'error',
    exposeToken: false,
    reportPath: '',
    junitPath: '',
    samples: 1,
    minSuccessPercent: 95,
    ama: false,
    workspaceIds: [],
    dceEndpoints: [],
    amaProxy: 'environment',
    privateLink: 'auto',
    amaTrustedRoots: '',
  };

  it.each<[string, RawInputs]>([
    ['missing', {}],
    [
      'undefined',
      { mode: undefined, identity: undefined, 'timeout-seconds': undefined, 'fail-on': undefined },
    ],
    [
      'empty',
      {
        mode: '',
        identity: '',
        'timeout-seconds': '',
        'fail-on': '',
        'expose-token': '',
        endpoint: '',
        resource: '',
      },
    ],
    [
      'whitespace',
      {
        mode: '  ',
        identity: '\t',
        'timeout-seconds': ' ',
        'fail-on': ' \n',
        'expose-token': '  ',
        'client-id': ' ',
      },
    ],
  ])('applies the contract defaults when inputs are %s', (_, raw) => {
    // Every option, a later check's too, is its default; those of the checks listed here are these.
    expect(ok(raw)).toEqual(ok({}));
    expect(ok(raw)).toMatchObject(defaults);
  });

  it('trims values before validating them', () => {
    expect(ok({ mode: ' vm ', 'timeout-seconds': ' 45 ', 'report-path': ' /tmp/r.json ' })).toMatchObject({
      mode: 'vm',
      timeoutSeconds: 45,
      reportPath: '/tmp/r.json',
    });
  });
});

describe('parseOptions enumerations', () => {
  it.each([
    ['mode', 'auto', 'auto'],
    ['mode', 'vm', 'vm'],
    ['mode', 'ARC', 'arc'],
    ['identity', 'system', 'system'],
    ['identity', 'None', 'none'],
    ['fail-on', 'error', 'error'],
    ['fail-on', 'UNREACHABLE', 'unreachable'],
    ['fail-on', 'Never', 'never'],
  ] as const)('%s=%s is accepted as %s', (input, value, expected) => {
    const key = input === 'fail-on' ? 'failOn' : input;
    expect(ok({ [input]: value })[key]).toBe(expected);
  });

  it.each([
    ['mode', 'aks', ['auto', 'vm', 'arc']],
    ['mode', 'virtual-machine', ['auto', 'vm', 'arc']],
    ['identity', 'managed', ['system', 'user', 'none']],
    ['fail-on', 'warn', ['error', 'unreachable', 'never']],
    ['fail-on', 'always', ['error', 'unreachable', 'never']],
  ] as const)('%s=%s is rejected, naming the input and listing %j', (input, value, accepted) => {
    const error = rejected({ [input]: value });
    expect(error.code).toBe('invalid_input');
    expect(error.input).toBe(input);
    expect(error.message).toContain(`'${input}'`);
    expect(error.message).toContain(value);
    for (const a of accepted) expect(error.message).toContain(a);
  });
});

describe('parseOptions expose-token (strict boolean)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
  ])('%s → %s', (value, expected) => {
    expect(ok({ 'expose-token': value }).exposeToken).toBe(expected);
  });

  it.each(['yes', 'no', '1', '0', 'on', 'y'])('%s is rejected with the accepted values listed', (value) => {
    const error = rejected({ 'expose-token': value });
    expect(error.input).toBe('expose-token');
    expect(error.message).toMatch(/true/);
    expect(error.message).toMatch(/false/);
  });
});

describe('parseOptions timeout-seconds', () => {
  it.each([
    ['1', 1],
    ['30', 30],
    ['600', 600],
  ])('%s is accepted', (value, expected) => {
    expect(ok({ 'timeout-seconds': value }).timeoutSeconds).toBe(expected);
  });

  it.each(['0', '601', '1.5', 'abc', '-5', '1e2', '30s'])(
    '%s is rejected and the message gives the range 1–600',
    (value) => {
      const error = rejected({ 'timeout-seconds': value });
      expect(error.input).toBe('timeout-seconds');
      expect(error.message).toContain("'timeout-seconds'");
      expect(error.message).toMatch(/1\b.*600/);
    },
  );
});

describe('parseOptions endpoint', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:40342', 'http://localhost:40342'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://169.254.169.254', 'http://169.254.169.254'],
  ])('%s is accepted as %s', (value, expected) => {
    expect(ok({ endpoint: value }).endpoint).toBe(expected);
  });

  it.each([
    'https://127.0.0.1:8080',
    'http://127.0.0.1:8080/metadata',
    'http://127.0.0.1:8080/?x=1',
    'http://127.0.0.1:8080#frag',
    'http://user:pw@127.0.0.1:8080',
    'ftp://127.0.0.1',
    '127.0.0.1:8080',
    'not a url',
  ])('%s is rejected', (value) => {
    const error = rejected({ endpoint: value });
    expect(error.input).toBe('endpoint');
    expect(error.message).toMatch(/http:\/\//);
  });
});

describe('parseOptions resource', () => {
  it.each(['https://management.azure.com/', 'https://monitor.azure.com', GUID, 'api://my-app'])(
    '%s is accepted unchanged',
    (value) => {
      expect(ok({ resource: value }).resource).toBe(value);
    },
  );

  it.each(['management.azure.com', 'https://management azure.com/', 'ftp://x'])('%s is rejected', (value) => {
    expect(rejected({ resource: value }).input).toBe('resource');
  });
});

describe('parseOptions identity selectors', () => {
  it.each([
    ['client-id', GUID, 'client_id'],
    ['object-id', GUID.toUpperCase(), 'object_id'],
    ['msi-res-id', UAMI, 'msi_res_id'],
  ] as const)('identity user with %s alone is accepted', (input, value, kind) => {
    expect(ok({ identity: 'user', [input]: value }).selector).toEqual({ kind, value });
  });

  it('identity user without a selector is rejected on identity, listing the three selectors', () => {
    const error = rejected({ identity: 'user' });
    expect(error.input).toBe('identity');
    for (const name of ['client-id', 'object-id', 'msi-res-id']) expect(error.message).toContain(name);
  });

  it.each([
    [{ 'client-id': GUID, 'object-id': GUID }],
    [{ 'client-id': GUID, 'msi-res-id': UAMI }],
    [{ 'object-id': GUID, 'msi-res-id': UAMI }],
    [{ 'client-id': GUID, 'object-id': GUID, 'msi-res-id': UAMI }],
  ])('two or more selectors are rejected: %j', (selectors) => {
    const error = rejected({ identity: 'user', ...selectors });
    expect(['client-id', 'object-id', 'msi-res-id']).toContain(error.input);
    expect(error.message).toMatch(/exactly one/);
  });

  it.each(['system', 'none', ''])('a selector with identity %j is rejected', (identity) => {
    const error = rejected({ identity, 'client-id': GUID });
    expect(error.input).toBe('client-id');
    expect(error.message).toContain('user');
  });

  it.each([
    ['client-id', 'ama-identity'],
    ['client-id', `{${GUID}}`],
    ['client-id', GUID.slice(0, 35)],
    ['object-id', `${GUID}x`],
    ['object-id', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
  ] as const)('%s=%s is not a GUID and is rejected', (input, value) => {
    const error = rejected({ identity: 'user', [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toMatch(/GUID/);
  });

  it.each([
    'ama-id',
    GUID,
    `/subscriptions/${GUID}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`,
    `/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/x`,
    `${UAMI}/`,
    `${UAMI}/extra`,
  ])('msi-res-id %s is not a user-assigned identity ARM id and is rejected', (value) => {
    const error = rejected({ identity: 'user', 'msi-res-id': value });
    expect(error.input).toBe('msi-res-id');
    expect(error.message).toContain('Microsoft.ManagedIdentity/userAssignedIdentities');
  });
});

describe('parseOptions messages', () => {
  const cases: [string, RawInputs, string][] = [
    ['mode', { mode: 'x' }, 'mode'],
    ['timeout-seconds', { 'timeout-seconds': 'x' }, 'timeoutSeconds'],
    ['fail-on', { 'fail-on': 'x' }, 'failOn'],
    ['expose-token', { 'expose-token': 'x' }, 'exposeToken'],
    ['client-id', { identity: 'user', 'client-id': 'name' }, 'clientId'],
    ['msi-res-id', { identity: 'user', 'msi-res-id': 'name' }, 'msiResId'],
  ];

  it.each(cases)('the task spelling names %s as %s, and never in kebab-case', (kebab, raw, camel) => {
    const message = rejected(raw, TASK_SPELLING).message;
    expect(message).toContain(`'${camel}'`);
    if (kebab.includes('-')) expect(message).not.toContain(kebab);
  });

  it('the task spelling also renames the selector names listed in the message', () => {
    const message = rejected({ identity: 'user' }, TASK_SPELLING).message;
    expect(message).toContain('clientId');
    expect(message).toContain('objectId');
    expect(message).toContain('msiResId');
    expect(message).not.toMatch(/client-id|object-id|msi-res-id/);
  });

  it.each<RawInputs>([
    { mode: 'x' },
    { identity: 'user' },
    { identity: 'user', 'client-id': GUID, 'object-id': GUID },
    { 'timeout-seconds': '0' },
    { endpoint: 'https://x' },
    // A value with a line break must not break the message into two lines (a second line could be read
    // by the runner as a workflow or logging command).
    { mode: 'vm\n::error::injected' },
    { 'fail-on': 'never\r\n##vso[task.complete result=Succeeded]' },
    { 'client-id': 'x\u2028y', identity: 'user' },
    { endpoint: 'http://x/\u0085::warning::y' },
    { 'timeout-seconds': '1\u001b[2J' },
  ])('the message is one line with no stack trace: %j', (raw) => {
    const message = rejected(raw).message;
    expect(message).not.toMatch(/[\r\n\u2028\u2029\u0085\u001b]/);
    expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(message.length).toBeGreaterThan(10);
  });
});

describe('parseOptions spelling per front door', () => {
  it.each([
    ['the Action', ACTION_SPELLING, "Invalid input 'timeout-seconds'"],
    ['the task', TASK_SPELLING, "Invalid input 'timeoutSeconds'"],
    ['the CLI', CLI_SPELLING, "Invalid input '--timeout-seconds'"],
  ])('%s names the input its own way', (_, spelling, start) => {
    expect(rejected({ 'timeout-seconds': '0' }, spelling).message.startsWith(`${start}:`)).toBe(true);
  });

  it('the CLI names the selectors as flags', () => {
    const message = rejected({ identity: 'user' }, CLI_SPELLING).message;
    expect(message).toContain("Invalid input '--identity'");
    for (const flag of ['--client-id', '--object-id', '--msi-res-id']) expect(message).toContain(flag);
  });
});

describe('parseOptions endpoint with user-info (issue 9)', () => {
  it.each([
    ['http://user:S3cret@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['http://user@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['http://:S3cret@localhost:40342/', 'http://***@localhost:40342/'],
    ['http://us%65r:S3%63ret@127.0.0.1', 'http://***@127.0.0.1'],
  ])('%s is refused and shown as %s', (value, shown) => {
    for (const spelling of [ACTION_SPELLING, TASK_SPELLING, CLI_SPELLING]) {
      const error = rejected({ endpoint: value }, spelling);
      expect(error.input).toBe('endpoint');
      expect(error.message).toContain(JSON.stringify(shown));
      expect(error.message).toMatch(/user-info/);
      expect(error.message).not.toMatch(/S3cret|S3%63ret|\buser[:@]|us%65r/);
    }
  });
});

describe('parseOptions samples and min-success-percent', () => {
  it.each([
    ['1', 1],
    ['20', 20],
    ['1000', 1000],
  ])('samples %s is accepted', (value, n) => expect(ok({ samples: value }).samples).toBe(n));

  it.each(['0', '1001', '2.5', '-1', 'ten', '1e3'])('samples %s is rejected with the range', (value) => {
    const error = rejected({ samples: value });
    expect(error.input).toBe('samples');
    expect(error.message).toMatch(/1\b.*1000/);
  });

  it.each([
    ['0', 0],
    ['95', 95],
    ['99.5', 99.5],
    ['100', 100],
  ])('min-success-percent %s is accepted', (value, n) => {
    expect(ok({ 'min-success-percent': value }).minSuccessPercent).toBe(n);
  });

  it.each(['101', '-1', '50%', 'most', '1e2', '100.1'])('min-success-percent %s is rejected', (value) => {
    const error = rejected({ 'min-success-percent': value });
    expect(error.input).toBe('min-success-percent');
    expect(error.message).toMatch(/0 to 100/);
  });
});

describe('parseOptions AMA readiness inputs', () => {
  const WS = ['2f3c4d5e-6a7b-4c8d-9e0f-112233445566', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'];

  it('ama defaults to false and is a strict boolean', () => {
    expect(ok({}).ama).toBe(false);
    expect(ok({ ama: 'TRUE' }).ama).toBe(true);
    expect(rejected({ ama: 'yes' }).input).toBe('ama');
  });

  it.each<[RawInputs]>([
    [{ 'workspace-ids': WS[0] }],
    [{ 'dce-endpoints': 'my-dce.westeurope-1.ingest.monitor.azure.com' }],
    [{ 'ama-proxy': 'none' }],
    [{ 'ama-trusted-roots': '/etc/ssl/corp.pem' }],
  ])('an AMA-only input without ama true is refused, naming ama: %j', (raw) => {
    const error = rejected(raw);
    expect(error.input).toBe(Object.keys(raw)[0]);
    expect(error.message).toBe(`Invalid input '${error.input}': is only used with ama true`);
    const task = rejected(raw, TASK_SPELLING);
    expect(task.message.startsWith(`Invalid input '${toCamel(error.input)}'`)).toBe(true);
    expect(rejected(raw, CLI_SPELLING).message).toContain('with --ama true');
  });

  it('private-link is accepted without ama (its default is auto) and validated', () => {
    expect(ok({ 'private-link': 'TRUE' }).privateLink).toBe('true');
    expect(rejected({ 'private-link': 'maybe' }).message).toMatch(/auto, true, false/);
  });

  it('workspace-ids: GUIDs separated by commas, spaces or newlines, lower-cased, once each', () => {
    const raw = `${WS[0]!.toUpperCase()}, ${WS[1]}\n\n${WS[1]},`;
    expect(ok({ ama: 'true', 'workspace-ids': raw }).workspaceIds).toEqual([WS[0], WS[1]]);
  });

  // Duplicates are dropped after lower-casing and reducing URLs to hosts, so the AMA check never probes twice.
  it('the same workspace or DCE written in two spellings is kept once', () => {
    const raw = `${WS[0]!.toUpperCase()}, ${WS[0]}`;
    expect(ok({ ama: 'true', 'workspace-ids': raw }).workspaceIds).toEqual([WS[0]]);
    const dce =
      'https://dce.westeurope-1.ingest.monitor.azure.com/ DCE.westeurope-1.ingest.monitor.azure.com';
    expect(ok({ ama: 'true', 'dce-endpoints': dce }).dceEndpoints).toEqual([
      'dce.westeurope-1.ingest.monitor.azure.com',
    ]);
  });

  it.each(['my-workspace', `${WS[0]},not-a-guid`, `{${WS[0]}}`])('workspace-ids %j is refused', (value) => {
    const error = rejected({ ama: 'true', 'workspace-ids': value });
    expect(error.input).toBe('workspace-ids');
    expect(error.message).toMatch(/GUID/);
  });

  it('dce-endpoints: host names or https URLs of them, reduced to lower-case hosts', () => {
    const raw = 'https://My-Dce.westeurope-1.ingest.monitor.azure.com/, b.handler.control.monitor.azure.com';
    expect(ok({ ama: 'true', 'dce-endpoints': raw }).dceEndpoints).toEqual([
      'my-dce.westeurope-1.ingest.monitor.azure.com',
      'b.handler.control.monitor.azure.com',
    ]);
  });

  it.each([
    'http://dce.monitor.azure.com',
    'https://dce.monitor.azure.com/path',
    'localhost',
    'dce.monitor.azure.com:443',
    'a_b.monitor.azure.com',
    'https://user:pw@dce.monitor.azure.com',
  ])('dce-endpoints %j is refused', (value) => {
    const error = rejected({ ama: 'true', 'dce-endpoints': value });
    expect(error.input).toBe('dce-endpoints');
    expect(error.message).not.toContain('pw@');
  });

  it.each([
    ['', 'environment'],
    ['none', 'none'],
    ['NONE', 'none'],
    [
      'http://proxy.corp:3128',
      {
        display: 'http://proxy.corp:3128',
        host: 'proxy.corp',
        port: 3128,
        authorization: null,
        source: 'ama-proxy',
      },
    ],
    [
      'http://svc%40corp:P%40ss-w0rd@proxy.corp:3128/',
      {
        display: 'http://proxy.corp:3128',
        host: 'proxy.corp',
        port: 3128,
        authorization: `Basic ${Buffer.from('svc@corp:P@ss-w0rd').toString('base64')}`,
        source: 'ama-proxy',
      },
    ],
  ])('ama-proxy %j → %j', (value, expected) => {
    expect(ok({ ama: 'true', 'ama-proxy': value }).amaProxy).toEqual(expected);
  });

  // The one proxy model: parsing returns the credentials it found, and the doors mask what it returned.
  it('ama-proxy: parsing returns the password and the Basic value as secrets to mask', () => {
    const parsed = parseOptions(
      { ama: 'true', 'ama-proxy': 'http://svc:P%40ss-w0rd-long@proxy.corp:3128' },
      ACTION_SPELLING,
    );
    // The password decoded (what goes into Basic) and as written, and the Basic value.
    expect(parsed.ok && parsed.secrets).toEqual([
      'P@ss-w0rd-long',
      'P%40ss-w0rd-long',
      Buffer.from('svc:P@ss-w0rd-long').toString('base64'),
    ]);
    const plain = parseOptions({ ama: 'true', 'ama-proxy': 'http://proxy.corp:3128' }, ACTION_SPELLING);
    expect(plain.ok && plain.secrets).toEqual([]);
  });

  it.each([
    'https://u:S3cretPw@proxy.corp:3128',
    'http://u:S3cretPw@proxy.corp:3128/path',
    'socks5://u:S3cretPw@proxy.corp:1080',
    'http://u:S3cretPw@proxy.corp:3128/?x=1',
  ])('ama-proxy %s is refused without echoing its credentials', (value) => {
    for (const spelling of [ACTION_SPELLING, TASK_SPELLING, CLI_SPELLING]) {
      const error = rejected({ ama: 'true', 'ama-proxy': value }, spelling);
      expect(error.input).toBe('ama-proxy');
      expect(error.message).toContain('***@proxy.corp');
      expect(error.message).not.toMatch(/S3cretPw|u:/);
    }
  });

  // Issue 17: '#', '/' or '?' in a password ended the authority, so the message echoed it; a bad '%' threw
  // `URI malformed`. Every one is refused by name, never echoed, and its password comes back to be masked.
  it.each([
    ['http://proxyuser:Tr0ub4dor#Secret@proxy.corp:3128', 'Tr0ub4dor#Secret'],
    ['http://proxyuser:Tr0ub4dor/Secret@proxy.corp:3128', 'Tr0ub4dor/Secret'],
    ['http://proxyuser:Tr0ub4dor?Secret@proxy.corp:3128', 'Tr0ub4dor?Secret'],
    ['http://proxyuser:Tr0ub4dor%Secret@proxy.corp:3128', 'Tr0ub4dor%Secret'],
    ['http://proxyuser:Tr0ub4dor%zz%Secret@proxy.corp:3128/', 'Tr0ub4dor%zz%Secret'],
  ])('ama-proxy %s is refused naming the input, its password never echoed', (value, password) => {
    for (const spelling of [ACTION_SPELLING, TASK_SPELLING, CLI_SPELLING]) {
      const parsed = parseOptions({ ama: 'true', 'ama-proxy': value }, spelling);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.error.message).toMatch(
        /^Invalid input '(ama-proxy|amaProxy|--ama-proxy)': got "http:\/\/\*\*\*@proxy\.corp:3128\/?"/,
      );
      expect(parsed.error.message).not.toMatch(/Tr0ub|Secret|proxyuser/);
      // Refused or not, the password as written comes back for the door to mask.
      expect(parsed.secrets).toContain(password);
    }
  });

  it('ama-proxy: a password with an unescaped @ is read up to the last @', () => {
    const parsed = parseOptions(
      { ama: 'true', 'ama-proxy': 'http://proxyuser:Tr0ub4dor@Secret@proxy.corp:3128' },
      CLI_SPELLING,
    );
    expect(parsed.ok && parsed.options.amaProxy).toMatchObject({
      display: 'http://proxy.corp:3128',
      authorization: `Basic ${Buffer.from('proxyuser:Tr0ub4dor@Secret').toString('base64')}`,
    });
    expect(parsed.ok && parsed.secrets).toContain('Tr0ub4dor@Secret');
  });
});
