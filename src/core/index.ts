// The engine's public surface. Adapters import from here only.
export * from './types.js';
export * from './contract.js';
export { parseOptions, type RawInputs, type InputError, type ParseResult } from './options.js';
export { CODES, remediationFor, type Code } from './codes.js';
export { runProbe } from './run-probe.js';
export { renderText, type TextStyle } from './render/text.js';
export { renderJson } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export { renderJunit } from './render/junit.js';
