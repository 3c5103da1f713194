/** Documented IMDS versions, newest first. */
export declare const VM_API_VERSIONS: readonly string[];
/** The token endpoint exists from this version on. */
export declare const VM_TOKEN_MIN_VERSION = "2018-02-01";
/** What the 400 body offers: the three newest. */
export declare const VM_NEWEST_VERSIONS: readonly string[];
/** HIMDS versions, in the order its error message lists them. */
export declare const ARC_API_VERSIONS: readonly string[];
/** An old Arc agent: 2020-06-01 and newer are unknown to it. */
export declare const ARC_OLD_API_VERSIONS: readonly string[];
/** The version the Arc docs and SDKs use for metadata. */
export declare const ARC_DEFAULT_API_VERSION = "2020-06-01";
/** Scheduled Events has its own versions (scheduled-events.md, "Version and region availability"). */
export declare const SCHEDULED_EVENTS_API_VERSIONS: readonly string[];
/** First IMDS version of each versioned route beyond the instance document (imds-protocol.md §1.1). */
export declare const ROUTE_MIN_VERSION: Readonly<Record<string, string>>;
