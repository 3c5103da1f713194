// Reads the task inputs by their camelCase names (`clientId`) into the contract's kebab-case names
// (`client-id`). Values stay raw: parseOptions trims them and parses booleans strictly, so
// `exposeToken: yes` is an error here exactly as on GitHub (tl.getBoolInput would read it as false).
import { INPUT_NAMES, toCamel, type RawInputs } from '../core/index.js';
import type { TaskIo } from './io.js';

export function readRawInputs(io: Pick<TaskIo, 'getInput'>): RawInputs {
  const raw: RawInputs = {};
  for (const name of INPUT_NAMES) raw[name] = io.getInput(toCamel(name));
  return raw;
}

/** Registers a secret line by line: the agent masks per line and task-lib throws on multi-line values. */
export function secretRegistrar(io: Pick<TaskIo, 'setSecret'>): (value: string) => void {
  const seen = new Set<string>();
  return (value) => {
    for (const line of value.split(/\r\n|\r|\n/)) {
      if (line === '' || seen.has(line)) continue;
      seen.add(line);
      io.setSecret(line);
    }
  };
}
