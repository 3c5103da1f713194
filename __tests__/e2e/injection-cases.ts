// Where a forged answer can plant text (issue 9): every network-derived field the emulator can override, with
// each string of the injection corpus. Shared by the engine and CLI end-to-end injection tests.
import type { StartOptions } from '../../src/emulator/index.js';
import { INJECTIONS } from '../helpers/injection.js';

export interface InjectionCase {
  /** Which field carries the value, e.g. "compute + claims". */
  where: string;
  value: string;
  emulator: StartOptions;
  inputs?: Record<string, string>;
  /** Codes expected on [metadata, token] where the field decides them; null: any code, as long as it is not ok. */
  codes: [string | null, string | null];
}

/** HTTP forbids these in a header value, so a realm cannot carry them (the emulator refuses them). */
const HEADER_UNSAFE = /[\x00-\x08\x0a-\x1f\x7f]/;

const COMPUTE_FIELDS = [
  'name',
  'resourceGroupName',
  'location',
  'resourceId',
  'subscriptionId',
  'vmId',
  'azEnvironment',
  'vmSize',
  'osType',
];

export function injectionCases(values: readonly string[] = INJECTIONS): InjectionCase[] {
  return values.flatMap((value): InjectionCase[] => {
    const cases: InjectionCase[] = [
      {
        where: 'compute and claims',
        value,
        emulator: {
          scenario: 'healthy',
          mode: 'vm',
          overrides: {
            compute: Object.fromEntries(COMPUTE_FIELDS.map((f) => [f, value])),
            claims: { oid: value, tid: value, appid: value, aud: value },
          },
        },
        codes: ['metadata_value_rejected', 'token_claim_rejected'],
      },
      {
        where: 'access_token',
        value,
        emulator: {
          scenario: 'healthy',
          mode: 'vm',
          overrides: { tokenAnswer: { access_token: value, token_type: value } },
        },
        codes: ['ok', 'token_not_jwt'],
      },
      {
        where: 'error body',
        value,
        emulator: {
          scenario: 'no-identity',
          mode: 'vm',
          overrides: { error: value, errorDescription: value },
        },
        codes: ['ok', null],
      },
      {
        where: 'HIMDS "Supported are" text',
        value,
        emulator: { scenario: 'arc-old-api-version', mode: 'arc', overrides: { arcSupportedText: value } },
        codes: [null, null],
      },
    ];
    if (!HEADER_UNSAFE.test(value)) {
      cases.push({
        where: 'Arc realm',
        value,
        emulator: { scenario: 'arc-healthy', mode: 'arc', overrides: { arcRealm: value } },
        codes: ['ok', null],
      });
    }
    return cases;
  });
}
