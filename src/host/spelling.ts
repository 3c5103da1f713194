// How each front door spells an input, for messages and advice: the engine is told, it never guesses.
import { toCamel, type InputName, type InputSpelling } from '../core/index.js';

export const ACTION_SPELLING: InputSpelling = {
  name: (input) => input,
  assignment: (input, value) => `${input}: ${value}`,
};

export const TASK_SPELLING: InputSpelling = {
  name: (input) => toCamel(input),
  assignment: (input, value) => `${toCamel(input)}: ${value}`,
};

/** The CLI's flags are the input names, except the two file flags. */
const CLI_FLAG: Partial<Record<InputName, string>> = { 'report-path': 'report', 'junit-path': 'junit' };

export const CLI_SPELLING: InputSpelling = {
  name: (input) => `--${CLI_FLAG[input] ?? input}`,
  assignment: (input, value) => `--${CLI_FLAG[input] ?? input} ${value}`,
};
