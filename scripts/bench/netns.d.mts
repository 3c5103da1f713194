// Types for netns.mjs, so the TypeScript tests in __tests__/bench can import it.
export const IMDS_ADDRESS: string;
export function netnsUnavailable(): string | null;
export function namespaceProblem(
  inside: string,
  outside: string,
  addresses: readonly string[],
): string | null;
export function openBenchNetns(
  cliBundle: string,
  nodePath?: string,
): Promise<{ name: string; wrap(argv: string[]): string[]; close(): Promise<void> }>;
