/** Path (dot-separated, relative to the document root) → first api-version that returns it. */
export declare const FIELD_SINCE: Readonly<Record<string, string>>;
/** The document as the given api-version returns it (input is not modified). */
export declare function documentForVersion(document: unknown, version: string): unknown;
