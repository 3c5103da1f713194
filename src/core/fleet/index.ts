// The fleet merge's public surface: front doors import from here.
export * from './contract.js';
export type * from './types.js';
export {
  parseMergeOptions,
  MAX_EXPECTED,
  type MergeOptions,
  type MergeParse,
  type RawMergeInputs,
} from './options.js';
export { parseMachineReport, invalidRow, MAX_FIELD_CHARS, type ParsedReport } from './parse-report.js';
export { createFleet, gateOf, requiredToPass, type FleetBuilder } from './merge.js';
export { fixesFor, UNKNOWN_FIX, type Fix } from './fixes.js';
export { renderFleetJson, copyFleetReport } from './json.js';
export { renderFleetMarkdown, type FleetMarkdownOptions } from './markdown.js';
export { renderFleetText, type FleetTextOptions } from './text.js';
export { buildMergeOutputs } from './outputs.js';
export { failingGroups, passingRows } from './words.js';
