// api-versions each emulated service accepts (imds-protocol.md §1.4 and §4.2).

import { NO_API_VERSION_BODY } from './fixtures/errors.js';

/** Documented IMDS versions, newest first. */
// prettier-ignore
export const VM_API_VERSIONS: readonly string[] = [
  '2025-04-07', '2024-07-17', '2024-03-15', '2023-11-15', '2023-07-01', '2021-12-13', '2021-11-15',
  '2021-11-01', '2021-10-01', '2021-08-01', '2021-05-01', '2021-03-01', '2021-02-01', '2021-01-01',
  '2020-12-01', '2020-10-01', '2020-09-01', '2020-07-15', '2020-06-01', '2019-11-01', '2019-08-15',
  '2019-08-01', '2019-06-04', '2019-06-01', '2019-04-30', '2019-03-11', '2019-02-01', '2018-10-01',
  '2018-04-02', '2018-02-01', '2017-12-01', '2017-10-01', '2017-08-01', '2017-04-02', '2017-03-01',
];

/** The token endpoint exists from this version on. */
export const VM_TOKEN_MIN_VERSION = '2018-02-01';

/** What the 400 body offers: the three newest. */
export const VM_NEWEST_VERSIONS: readonly string[] = NO_API_VERSION_BODY['newest-versions'];

/** HIMDS versions, in the order its error message lists them. */
export const ARC_API_VERSIONS: readonly string[] = ['2021-02-01', '2020-06-01', '2019-11-01', '2019-08-15'];

/** An old Arc agent: 2020-06-01 and newer are unknown to it. */
export const ARC_OLD_API_VERSIONS: readonly string[] = ['2019-11-01', '2019-08-15'];

/** The version the Arc docs and SDKs use for metadata. */
export const ARC_DEFAULT_API_VERSION = '2020-06-01';

/** Scheduled Events has its own versions (scheduled-events.md, "Version and region availability"). */
// prettier-ignore
export const SCHEDULED_EVENTS_API_VERSIONS: readonly string[] = [
  '2020-07-01', '2019-08-01', '2019-04-01', '2019-01-01', '2017-11-01', '2017-08-01', '2017-03-01',
];

/** First IMDS version of each versioned route beyond the instance document (imds-protocol.md §1.1). */
export const ROUTE_MIN_VERSION: Readonly<Record<string, string>> = {
  token: VM_TOKEN_MIN_VERSION,
  'identity-info': VM_TOKEN_MIN_VERSION,
  attested: '2018-10-01',
  loadbalancer: '2020-10-01',
};
