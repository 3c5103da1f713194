// Measured times to verdict, written to build/ (gitignored) for the bench and docs/reliability.md.
// Nothing is asserted on these beyond the generous per-case bounds in the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './front-doors.js';

export interface Timing {
  case: string;
  door: string;
  node: string;
  code: string;
  ms: number;
}

export class TimingLog {
  private readonly entries: Timing[] = [];
  constructor(private readonly file: string) {}

  add(entry: Timing): void {
    this.entries.push(entry);
  }

  flush(): void {
    if (this.entries.length === 0) return;
    const dir = join(ROOT, 'build');
    mkdirSync(dir, { recursive: true });
    const document = { recordedAt: new Date().toISOString(), node: process.version, entries: this.entries };
    writeFileSync(join(dir, this.file), `${JSON.stringify(document, null, 2)}\n`);
  }
}
