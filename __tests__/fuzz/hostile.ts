// Hostile text for fuzz documents (issue 9): a corpus string or a random splice of pieces a pipeline, a
// terminal or a shell would act on. None of them fits any output shape, so a value carrying one must never
// become an output and must reach no channel intact.
import { INJECTIONS } from '../helpers/injection.js';
import type { Prng } from './prng.js';

const PIECES = [
  '##vso[task.setvariable variable=FUZZ]1',
  '##VsO[task.complete result=Succeeded]',
  '##[error]',
  '\n::add-mask::e',
  '\r\n::stop-commands::x',
  '  ::error::',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0007',
  '\u001b[2J',
  '\u001b]8;;http://evil\u0007',
  '\u009b31m',
  '\u202e',
  '\u200b',
  '%0A',
  '"',
  "'",
  ';',
  '$(id)',
  '`id`',
  ' ',
  '\t',
  '\u0000',
];

export function hostileText(rnd: Prng): string {
  if (rnd.chance(0.5)) return rnd.pick(INJECTIONS);
  const parts = Array.from({ length: 1 + rnd.int(4) }, () =>
    rnd.chance(0.6) ? rnd.pick(PIECES) : rnd.hex(1 + rnd.int(6)),
  );
  // At least one piece that no shape allows.
  return [...parts, rnd.pick(PIECES.slice(0, 16))].join('');
}

/**
 * Names every plain object already has (issue 17): as header names or table keys they must be text like any
 * other. Mixed case too, since header names are compared lower-cased.
 */
export const PROTOTYPE_NAMES = [
  'constructor',
  'Constructor',
  'CONSTRUCTOR',
  '__proto__',
  '__PROTO__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

/** One to three header lines named like Object.prototype members. */
export function prototypeHeaders(rnd: Prng): string[] {
  return Array.from({ length: 1 + rnd.int(3) }, () => `${rnd.pick(PROTOTYPE_NAMES)}: ${rnd.hex(4)}`);
}

/** Instance-document fields whose values become outputs, each with a shape. */
export const SHAPED_COMPUTE_FIELDS = [
  'vmId',
  'name',
  'resourceId',
  'subscriptionId',
  'resourceGroupName',
  'location',
  'azEnvironment',
] as const;

/** Token claims that become outputs (GUIDs). */
export const SHAPED_CLAIMS = ['oid', 'tid', 'appid'] as const;
