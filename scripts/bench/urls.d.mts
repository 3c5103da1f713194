// Types for urls.mjs, so the TypeScript tests in __tests__/bench can import it.
export const METADATA_PATH: string;
export const TOKEN_PATH: string;
export function loopbackBase(url: string): string;
