// The last defence against a value carrying a command: every text a step body hands the port is guarded
// line by line, so only the platform library's own commands can start one.
import { neutraliseBlock } from '../core/index.js';
import type { PlatformPort } from './port.js';

export function guarded<In extends string, Out extends string>(
  port: PlatformPort<In, Out>,
): PlatformPort<In, Out> {
  return {
    ...port,
    info: (text) => port.info(neutraliseBlock(text)),
    debug: (text) => port.debug(neutraliseBlock(text)),
    progress: (text) => port.progress(neutraliseBlock(text)),
    annotate: (level, title, lines) =>
      port.annotate(
        level,
        neutraliseBlock(title),
        lines.map((line) => neutraliseBlock(line)),
      ),
    finish: (verdict, message) => port.finish(verdict, neutraliseBlock(message)),
  };
}
