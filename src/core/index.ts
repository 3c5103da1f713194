// The engine's public surface. Adapters import from here only (ESLint keeps them to it).
export * from './types.js';
export type * from './context.js';
export * from './contract.js';
export * from './policy.js';
export { buildOutputs, OUTPUT_SHAPES } from './outputs.js';
export { parseOptions, type InputError, type ParseResult } from './options.js';
export { CODES, isCode } from './codes.js';
export { remedyFor } from './remedies.js';
export { hasUserInfo, isLoopbackAddress, withoutUserInfo } from './imds/endpoint.js';
export { neutralise, neutraliseBlock, neutraliseLine, safeJson } from './neutralise.js';
export { isPlausibleSecret } from './shapes.js';
export { runProbe } from './run-probe.js';
export { renderText, type TextStyle } from './render/text.js';
export { renderJson } from './render/json.js';
export { renderMarkdown, type MarkdownOptions } from './render/markdown.js';
export { renderJunit } from './render/junit.js';
export type { CodeLink } from './render/format.js';
