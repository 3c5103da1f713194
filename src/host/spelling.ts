// How each front door spells an input, for messages and advice: the engine is told, it never guesses.
import { CONTRACT_INPUTS, toCamel, type InputName, type InputSpelling } from '../core/index.js';

export const ACTION_SPELLING: InputSpelling = {
  name: (input) => input,
  assignment: (input, value) => `${input}: ${value}`,
};

export const TASK_SPELLING: InputSpelling = {
  name: (input) => toCamel(input),
  assignment: (input, value) => `${toCamel(input)}: ${value}`,
};

/** The CLI's flags are the input names, except where an input declares another (the two file flags). */
const CLI_FLAG: ReadonlyMap<InputName, string> = new Map(
  CONTRACT_INPUTS.map((i) => [i.name, i.cli.flag ?? i.name]),
);

export const CLI_SPELLING: InputSpelling = {
  name: (input) => `--${CLI_FLAG.get(input) ?? input}`,
  assignment: (input, value) => `--${CLI_FLAG.get(input) ?? input} ${value}`,
};
