// Engine debug lines are held until runProbe returns: on a CI log a debug line must never precede the
// mask of a token the engine is about to obtain.
import type { Logger } from '../core/index.js';

export function deferredDebug(write: (line: string) => void): { log: Logger; flush(): void } {
  const pending: string[] = [];
  return {
    log: { debug: (message) => void pending.push(message) },
    flush: () => {
      for (const line of pending.splice(0)) write(line);
    },
  };
}
