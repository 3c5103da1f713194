// The fleet merge's public surface: front doors import from here.
export * from './fleet-contract.js';
export type * from './fleet-types.js';
export {
  parseMergeOptions,
  MAX_EXPECTED,
  type MergeOptions,
  type MergeParse,
  type RawMergeInputs,
} from './fleet-options.js';
export {
  parseMachineReport,
  invalidRow,
  MAX_CHECKS,
  MAX_CLOCK_AHEAD_MS,
  MAX_FIELD_CHARS,
  MAX_FIELD_INPUT_CHARS,
  type ParsedReport,
} from './parse-report.js';
export { createFleet, gateOf, legFolder, requiredToPass, type FleetBuilder } from './merge-rows.js';
export { fixesFor, UNKNOWN_FIX, type Fix } from './fixes.js';
export { renderFleetJson, copyFleetReport } from './fleet-json.js';
export { renderFleetMarkdown, type FleetMarkdownOptions } from './fleet-markdown.js';
export { renderFleetText, type FleetTextOptions } from './fleet-text.js';
export { buildMergeOutputs } from './fleet-outputs.js';
export { failingGroups, gateCodes, passingRows } from './words.js';
