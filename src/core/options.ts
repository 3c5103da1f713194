// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions: the run's
// own inputs first, then each check's in registry order. Every error names the input the way the calling front
// door spells it and lists what is accepted; a value is shown escaped and without any user-info, so a message
// stays one line and never carries a password. Secrets found in values come back for the door to mask.
import { CONTRACT_INPUTS, INPUT_DEFAULTS, INPUT_GROUPS } from './contract.js';
import { InvalidInput, strictBoolean, type InputReader } from './pipeline/input-spec.js';
import type { InputName, InputSpelling, ProbeOptions, RawInputs } from './types.js';

export interface InputError {
  code: 'invalid_input';
  input: InputName;
  /** One line, naming the input and the accepted values. */
  message: string;
}

export type ParseResult =
  | {
      ok: true;
      options: ProbeOptions;
      /** Credentials found in the values (a proxy password): the door masks them before anything runs. */
      secrets: string[];
    }
  | {
      ok: false;
      error: InputError;
      /** Credentials found before the refusal: masked too, though the message never shows a value's user-info. */
      secrets: string[];
    };

/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `spelling` names inputs in messages the way the calling front door writes them.
 */
export function parseOptions(rawInputs: RawInputs, spelling: InputSpelling): ParseResult {
  const spell = (name: InputName): string => spelling.name(name);
  const raw = new Map<InputName, string>();
  for (const { name } of CONTRACT_INPUTS) {
    const value = (rawInputs[name] ?? '').trim();
    raw.set(name, value === '' ? INPUT_DEFAULTS[name] : value);
  }
  const secrets: string[] = [];
  const read: InputReader = {
    raw: (name) => raw.get(name) ?? '',
    spell,
    secret: (value) => void secrets.push(value),
  };
  try {
    const options = {} as ProbeOptions;
    for (const group of INPUT_GROUPS) {
      // An input of a switched-off feature would be a silent no-op, which would mislead: refuse it.
      for (const input of group.inputs) {
        if (!input.onlyWith || raw.get(input.name) === input.default) continue;
        if (!strictBoolean(input.onlyWith, read.raw(input.onlyWith)))
          throw new InvalidInput(input.name, `is only used with ${spell(input.onlyWith)} true`);
      }
      Object.assign(options, group.parse(read));
    }
    return { ok: true, options, secrets };
  } catch (err) {
    if (!(err instanceof InvalidInput)) throw err;
    return {
      ok: false,
      secrets,
      error: {
        code: 'invalid_input',
        input: err.input,
        message: `Invalid input '${spell(err.input)}': ${err.detail}`,
      },
    };
  }
}
