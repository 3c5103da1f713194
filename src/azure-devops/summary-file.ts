// Writes the Markdown summary where the agent can still read it after the step; returns its path. A second
// imds-check step in the same job gets summary-2.md and so on, so it never overwrites an attached summary.
// `wx` never follows or replaces an existing file or link.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeSummaryFile(folder: string, markdown: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? 'summary.md' : `summary-${n}.md`);
    try {
      await writeFile(path, markdown, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw err;
    }
  }
}
