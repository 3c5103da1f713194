// How a report becomes the contract's outputs: each output the run or a check declares reads its value from the
// finished report. Every value fed by the network must fit the documented shape of its field (shapes.ts); one
// that does not is the empty string (its check already warned).
import { CONTRACT_OUTPUTS } from './contract.js';
import type { Shape } from './shapes.js';
import type { OutputName, Outputs, Report } from './types.js';

/** The shape each network-fed output must fit (no prototype: looked up by names read from elsewhere). */
export const OUTPUT_SHAPES: Readonly<Partial<Record<OutputName, Shape>>> = Object.assign(
  Object.create(null) as Partial<Record<OutputName, Shape>>,
  Object.fromEntries(CONTRACT_OUTPUTS.flatMap((o) => (o.shape ? [[o.name, o.shape]] : []))),
);

/**
 * Every contract output, values as strings ('' when unknown or not of its field's shape). `access-token` is
 * present only when exposed; the engine registered it as a secret the moment it arrived.
 */
export function buildOutputs(
  report: Report,
  accessToken: string | null,
  exposeToken: boolean,
  reportPath: string,
): Outputs {
  const outputs: Outputs = {};
  for (const output of CONTRACT_OUTPUTS) {
    const value = output.value(report, { accessToken, exposeToken, reportPath });
    if (value === undefined) continue;
    outputs[output.name] = value === '' || !output.shape || output.shape(value) ? value : '';
  }
  return outputs;
}
