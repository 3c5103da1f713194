// The emulator ships as a library and a lazy CLI chunk: it must stand alone (node built-ins and its own
// files only), so no SDK used by the conformance suite and nothing of the engine can reach its bundle.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve('src/emulator');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('emulator boundary', () => {
  it('imports only node built-ins and files inside src/emulator', () => {
    const offending: string[] = [];
    for (const file of files(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
        const target = match[1] ?? match[2] ?? '';
        const inside =
          target.startsWith('.') && !relative(ROOT, resolve(join(file, '..'), target)).startsWith('..');
        if (!target.startsWith('node:') && !inside) offending.push(`${relative(ROOT, file)} -> ${target}`);
      }
    }
    expect(files(ROOT).length).toBeGreaterThan(15);
    expect(offending).toEqual([]);
  });
});
