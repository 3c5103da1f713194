// Types for table.mjs, so the TypeScript tests in __tests__/bench can import it.
export function cell(value: unknown): string;
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string;
