// Types for compile-cache.mjs, so the TypeScript tests in __tests__/bench can import it.
export function hasCompileCache(version: string): boolean;
