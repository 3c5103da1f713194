// Answer bodies for the fuzzer: a valid instance document (token answers: token-documents.ts) with harmless noise (deep nesting,
// invalid UTF-8 inside a string, big but allowed size), or a mutation that makes it invalid by construction.
import { hostileText, PROTOTYPE_NAMES, SHAPED_COMPUTE_FIELDS } from './hostile.js';
import type { Prng } from './prng.js';

export interface Doc {
  status: number;
  contentType: string;
  body: Buffer;
  /** A 200 with a document the contract says must pass. */
  valid: boolean;
  /** A sound 200 whose only fault is a value without its field's shape: the check must warn (issue 9). */
  warns: boolean;
  /** Validity depends on rules we do not pin: only safety checks apply. */
  unknown: boolean;
  kind: string;
}

export const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
export const b64u = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
export const JSON_TYPE = 'application/json; charset=utf-8';
export const NOT_A_DATE = ['', 'never', 'soon', 'null', 'infinity', '-', '∞', 'NaN'];
export const WRONG_TYPES: unknown[] = [42, -1, 0, true, false, null, [], {}, [1, 2], { value: 'x' }, ''];

function deepNesting(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/** Extra fields that a real IMDS never sends but that must not break a valid answer. */
export function noise(rnd: Prng, target: Record<string, unknown>): { body?: Buffer; kind: string } {
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
export function commonInvalid(rnd: Prng, valid: Record<string, unknown>): Doc {
  switch (rnd.int(5)) {
    case 0:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: notJson(rnd),
        valid: false,
        warns: false,
        unknown: false,
        kind: 'not-json-object',
      };
    case 1:
      return {
        status: 200,
        contentType: 'text/html',
        body: json(valid),
        valid: false,
        warns: false,
        unknown: false,
        kind: 'json-labelled-html',
      };
    case 2:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: json({ ...valid, padding: 'p'.repeat(1_100_000) }),
        valid: false,
        warns: false,
        unknown: false,
        kind: 'over-1-mib',
      };
    case 3:
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: Buffer.concat([Buffer.from([0xff, 0xfe]), json(valid)]),
        valid: false,
        warns: false,
        unknown: false,
        kind: 'invalid-utf8-outside-strings',
      };
    default:
      return {
        status: rnd.pick([400, 403, 404, 405, 500, 502]),
        contentType: JSON_TYPE,
        body: json({
          error: 'fuzzed',
          error_description: rnd.chance(0.5) ? hostileText(rnd) : 'fuzzed error',
        }),
        valid: false,
        warns: false,
        unknown: false,
        kind: 'error-status',
      };
  }
}

export function instanceDocument(rnd: Prng): Doc {
  const subscriptionId = rnd.uuid();
  const compute: Record<string, unknown> = {
    vmId: rnd.uuid(),
    name: 'fuzz-vm',
    location: 'westeurope',
    azEnvironment: 'AzurePublicCloud',
    subscriptionId,
    resourceGroupName: 'rg-fuzz',
    resourceId: `/subscriptions/${subscriptionId}/resourceGroups/rg-fuzz/providers/Microsoft.Compute/virtualMachines/fuzz-vm`,
    vmSize: 'Standard_D2s_v5',
    osType: 'Linux',
  };
  const valid = { compute, network: { interface: [] } };
  const roll = rnd.next();
  if (roll < 0.1) {
    // Sound document, one or more shaped values hostile: must warn metadata_value_rejected, never pass.
    const hostile = { ...compute };
    for (const field of rnd.chance(0.3) ? SHAPED_COMPUTE_FIELDS : [rnd.pick(SHAPED_COMPUTE_FIELDS)])
      hostile[field] = hostileText(rnd);
    // A cloud named like an Object.prototype member is unknown: out of shape, and the token goes to ARM.
    if (rnd.chance(0.3)) hostile['azEnvironment'] = rnd.pick(PROTOTYPE_NAMES);
    const n = noise(rnd, { compute: hostile, network: {} });
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: n.body ?? json({ compute: hostile, network: {} }),
      valid: false,
      warns: true,
      unknown: false,
      kind: `metadata-hostile-value-${n.kind}`,
    };
  }
  if (roll < 0.45) {
    const n = noise(rnd, valid);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: n.body ?? json(valid),
      valid: true,
      warns: false,
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
    warns: false,
    unknown: false,
    kind: 'metadata-bad-shape',
  };
}
