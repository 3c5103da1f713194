// Protocol constants in one place: addresses, paths, api-versions, per-attempt bounds, Arc key-file limits.
export const IMDS_BASE = 'http://169.254.169.254';
export const HIMDS_BASE = 'http://localhost:40342';
export const IMDS_HOST = '169.254.169.254';
export const METADATA_PATH = '/metadata/instance';
export const TOKEN_PATH = '/metadata/identity/oauth2/token';
export const VM_METADATA_API_VERSION = '2021-02-01';
export const ARC_METADATA_API_VERSION = '2020-06-01';
export const VM_TOKEN_API_VERSION = '2018-02-01';
export const ARC_TOKEN_API_VERSION = '2020-06-01';
export const CONNECT_TIMEOUT_MS = 5_000;
export const CONNECT_ATTEMPTS = 2;
export const HEADERS_TIMEOUT_MS = 10_000;
export const BODY_TIMEOUT_MS = 10_000;
export const ARC_SECRET_MAX_BYTES = 4096;
