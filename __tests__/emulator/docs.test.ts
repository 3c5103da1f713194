// docs/emulator.md describes every scenario (names and descriptions as the code has them) and every option
// of `imds-check emulate`, so the page cannot fall behind the emulator.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { listScenarios } from '../../src/emulator/index.js';
import { EMULATE_HELP } from '../../src/emulator/command.js';

const page = readFileSync('docs/emulator.md', 'utf8');

/** Scenario table rows as name → [mode, description]; code spans (for `<path>` and the like) unwrapped. */
const rows = new Map(
  page
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim().replace(/`/g, '')))
    .map((cells) => [cells[1] ?? '', [cells[2] ?? '', cells[3] ?? '']] as const),
);

describe('docs/emulator.md', () => {
  it.each(listScenarios().map((s) => [s.name, s] as const))(
    'lists %s with its mode and description',
    (_n, s) => {
      expect(rows.get(s.name)).toEqual([s.mode, s.description]);
    },
  );

  it('names every emulate option', () => {
    const options = [...EMULATE_HELP.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1] ?? '');
    expect(options.length).toBeGreaterThan(8);
    for (const option of options.filter(
      (o) => !['--help', '--host', '--port', '--mode', '--tokens-dir'].includes(o),
    ))
      expect([option, page.includes(option)]).toEqual([option, true]);
  });
});
