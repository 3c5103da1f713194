// Answer bodies for the fuzzer: a valid instance document or token answer with harmless noise (deep nesting,
// invalid UTF-8 inside a string, big but allowed size), or a mutation that makes it invalid by construction.
import type { Prng } from './prng.js';

export interface Doc {
  status: number;
  contentType: string;
  body: Buffer;
  /** A 200 with a document the contract says must pass. */
  valid: boolean;
  /** Validity depends on rules we do not pin: only safety checks apply. */
  unknown: boolean;
  kind: string;
}

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const b64u = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const JSON_TYPE = 'application/json; charset=utf-8';
const NOT_A_DATE = ['', 'never', 'soon', 'null', 'infinity', '-', '∞', 'NaN'];
const WRONG_TYPES: unknown[] = [42, -1, 0, true, false, null, [], {}, [1, 2], { value: 'x' }, ''];

function deepNesting(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/** Extra fields that a real IMDS never sends but that must not break a valid answer. */
function noise(rnd: Prng, target: Record<string, unknown>): { body?: Buffer; kind: string } {
  switch (rnd.int(5)) {
    case 0:
      return { kind: 'plain' };
    case 1: {
      // 10k-level nesting in an extra field, spliced in as raw text.
      const text = JSON.stringify(target);
      return {
        body: Buffer.from(`${text.slice(0, -1)},"deep":${deepNesting(10_000)}}`),
        kind: 'deep-nesting',
      };
    }
    case 2: {
      const text = JSON.stringify({ ...target, note: 'XXXX' });
      const at = text.indexOf('XXXX');
      return {
        body: Buffer.concat([
          Buffer.from(text.slice(0, at)),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from(text.slice(at + 4)),
        ]),
        kind: 'invalid-utf8-in-string',
      };
    }
    case 3:
      return {
        body: json({ ...target, padding: 'p'.repeat(200_000 + rnd.int(400_000)) }),
        kind: 'big-under-cap',
      };
    default:
      return {
        body: json({ ...target, extra: { nested: [1, '2', null, { a: [] }] }, 'weird key\u0000': 1 }),
        kind: 'odd-extra-fields',
      };
  }
}

function notJson(rnd: Prng): Buffer {
  return Buffer.from(
    rnd.pick(['', 'null', '[]', '"text"', '{', '{"compute":', 'NaN', '<imds/>', 'true', '\u0000']),
  );
}

/** The 200-with-a-body mutations shared by both documents: not an object, HTML, too large. */
function commonInvalid(rnd: Prng, valid: Record<string, unknown>): Doc {
  switch (rnd.int(5)) {
    case 0:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: notJson(rnd),
        valid: false,
        unknown: false,
        kind: 'not-json-object',
      };
    case 1:
      return {
        status: 200,
        contentType: 'text/html',
        body: json(valid),
        valid: false,
        unknown: false,
        kind: 'json-labelled-html',
      };
    case 2:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: json({ ...valid, padding: 'p'.repeat(1_100_000) }),
        valid: false,
        unknown: false,
        kind: 'over-1-mib',
      };
    case 3:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: Buffer.concat([Buffer.from([0xff, 0xfe]), json(valid)]),
        valid: false,
        unknown: false,
        kind: 'invalid-utf8-outside-strings',
      };
    default:
      return {
        status: rnd.pick([400, 403, 404, 405, 500, 502]),
        contentType: JSON_TYPE,
        body: json({ error: 'fuzzed', error_description: 'fuzzed error' }),
        valid: false,
        unknown: false,
        kind: 'error-status',
      };
  }
}

export function instanceDocument(rnd: Prng): Doc {
  const compute = {
    vmId: rnd.uuid(),
    name: 'fuzz-vm',
    location: 'westeurope',
    azEnvironment: 'AzurePublicCloud',
    resourceId: `/subscriptions/${rnd.uuid()}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/fuzz-vm`,
    vmSize: 'Standard_D2s_v5',
    osType: 'Linux',
  };
  const valid = { compute, network: { interface: [] } };
  const roll = rnd.next();
  if (roll < 0.45) {
    const n = noise(rnd, valid);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: n.body ?? json(valid),
      valid: true,
      unknown: false,
      kind: `metadata-valid-${n.kind}`,
    };
  }
  if (roll < 0.7) {
    const doc = commonInvalid(rnd, valid);
    return { ...doc, kind: `metadata-${doc.kind}` };
  }
  // Shape mutations: compute missing or of the wrong type, no usable vmId / resourceId.
  const wrong = rnd.pick(
    WRONG_TYPES.filter((v) => typeof v !== 'number' && typeof v !== 'boolean' && v !== ''),
  );
  const shapes: unknown[] = [
    { network: {} },
    { compute: rnd.pick([null, [], 'compute', 5, true]) },
    { compute: { ...compute, vmId: '', resourceId: '' } },
    { compute: { ...compute, vmId: wrong, resourceId: wrong } },
    { Compute: compute },
    [valid],
  ];
  return {
    status: 200,
    contentType: JSON_TYPE,
    body: json(rnd.pick(shapes)),
    valid: false,
    unknown: false,
    kind: 'metadata-bad-shape',
  };
}

export function tokenDocument(rnd: Prng, nowSeconds: number): Doc {
  const exp = nowSeconds + 3600 + rnd.int(80_000);
  const jwt = `${b64u({ typ: 'JWT', alg: 'RS256' })}.${b64u({ aud: 'https://management.azure.com/', exp, oid: rnd.uuid(), tid: rnd.uuid() })}.${rnd.hex(64)}`;
  const opaque = `opaque-${rnd.hex(40)}`;
  const base = {
    client_id: rnd.uuid(),
    expires_in: '3599',
    ext_expires_in: '3599',
    not_before: String(nowSeconds),
    resource: 'https://management.azure.com/',
    token_type: 'Bearer',
  };
  const roll = rnd.next();
  if (roll < 0.45) {
    // Valid: a JWT or an opaque token; expires_on as the numeric string IMDS sends, or as a number.
    const expires = rnd.chance(0.5) ? String(exp) : exp;
    const doc = { ...base, access_token: rnd.chance(0.7) ? jwt : opaque, expires_on: expires };
    const n = noise(rnd, doc);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: n.body ?? json(doc),
      valid: true,
      unknown: false,
      kind: `token-valid-${n.kind}`,
    };
  }
  if (roll < 0.6) {
    const doc = commonInvalid(rnd, { ...base, access_token: jwt, expires_on: String(exp) });
    return { ...doc, kind: `token-${doc.kind}` };
  }
  if (roll < 0.8) {
    // access_token unusable: wrong type, empty or missing.
    const doc: Record<string, unknown> = { ...base, expires_on: String(exp) };
    if (rnd.chance(0.8)) doc['access_token'] = rnd.pick(WRONG_TYPES);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: json(doc),
      valid: false,
      unknown: false,
      kind: 'token-bad-access-token',
    };
  }
  if (roll < 0.93) {
    // No readable expiry: opaque token (no exp claim), no expires_in, expires_on garbage or of a wrong type.
    const { expires_in: _dropped, ...rest } = base;
    const expires = rnd.chance(0.5)
      ? rnd.pick(NOT_A_DATE)
      : rnd.pick(WRONG_TYPES.filter((v) => typeof v !== 'number' && v !== ''));
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: json({ ...rest, access_token: opaque, expires_on: expires }),
      valid: false,
      unknown: false,
      kind: 'token-expiry-garbage',
    };
  }
  if (roll < 0.97) {
    // Already expired (numbers as strings and back).
    const past = nowSeconds - 60 - rnd.int(100_000);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: json({ ...base, access_token: opaque, expires_on: rnd.chance(0.5) ? past : String(past) }),
      valid: false,
      unknown: false,
      kind: 'token-expired',
    };
  }
  // Absurd expiry values: the contract does not say; the engine must merely survive them.
  const absurd = rnd.pick([1e20, 9e15, Number.MAX_SAFE_INTEGER, '99999999999999999999', 1.5e12]);
  return {
    status: 200,
    contentType: JSON_TYPE,
    body: json({ ...base, access_token: opaque, expires_on: absurd }),
    valid: false,
    unknown: true,
    kind: 'token-absurd-expiry',
  };
}
