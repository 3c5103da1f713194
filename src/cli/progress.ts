// Progress lines on stderr during long waits: on a terminal one live line that each update replaces (and that
// is cleared at the end); otherwise plain lines, as a log expects.
export interface ProgressPrinter {
  line(text: string): void;
  /** Clears a live line before the result is printed. */
  done(): void;
}

export function progressPrinter(write: (text: string) => void, live: boolean): ProgressPrinter {
  let showing = false;
  return {
    line(text) {
      if (!live) return write(`${text}\n`);
      write(`\r\u001b[2K${text}`);
      showing = true;
    },
    done() {
      if (showing) write('\r\u001b[2K');
      showing = false;
    },
  };
}
