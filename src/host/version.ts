// Kept in step with package.json by a test; a literal so bundles need not read package.json at run time.
export const TOOL_VERSION = '1.0.0';
