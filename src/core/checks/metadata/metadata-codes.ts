// The metadata check's codes and their fixes (docs/errors.md has the long form of each).
import { notImds } from '../../imds/failures.js';
import { setting, type Remedy } from '../../types.js';

export type MetadataCode =
  | 'metadata_header_rejected'
  | 'metadata_api_version'
  | 'metadata_not_found'
  | 'metadata_method_not_allowed'
  | 'metadata_forbidden'
  | 'metadata_gone'
  | 'metadata_throttled'
  | 'metadata_server_error'
  | 'metadata_unexpected_status'
  | 'metadata_bad_json'
  | 'metadata_bad_shape'
  | 'metadata_value_rejected';

export const METADATA_REMEDIES: Readonly<Record<MetadataCode, Remedy>> = {
  metadata_header_rejected:
    'IMDS rejected the request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
  metadata_api_version: (ctx) =>
    `No api-version was accepted, even after falling back to the versions IMDS offered. Something may be rewriting requests; compare with \`curl -H Metadata:true "${ctx.endpoint.base}/metadata/versions"\` on the machine.`,
  metadata_not_found:
    'IMDS answered 404 for the instance document. Old VMs may need a tag, extension or disk change before compute metadata appears.',
  metadata_method_not_allowed:
    'IMDS answered 405: something rewrote the request method. Remove the interceptor.',
  metadata_forbidden:
    'IMDS refused the request (403). Check that the request leaves through the primary NIC and that no interceptor rewrites it.',
  metadata_gone: (ctx) =>
    `IMDS kept answering 410 (updating) until the deadline. Retry later, or raise ${setting(ctx, 'timeout-seconds')} above 70.`,
  metadata_throttled:
    'IMDS kept answering 429 (more than 5 requests per second from this VM). Reduce other IMDS traffic and retry.',
  metadata_server_error:
    'IMDS kept answering 5xx until the deadline. Retry later; if it persists, open an Azure support case for the VM.',
  metadata_unexpected_status:
    'IMDS answered with an undocumented status. Retry; if it persists, compare with `curl -H Metadata:true` on the machine.',
  metadata_bad_json: (ctx) => 'The instance document is not valid JSON. ' + notImds(ctx),
  metadata_bad_shape: (ctx) =>
    'The instance document lacks compute.vmId or compute.resourceId. ' + notImds(ctx),
  metadata_value_rejected: (ctx) =>
    'A metadata value does not have the shape Azure gives that field, so its output was left empty (the JSON report keeps the value, escaped). ' +
    notImds(ctx),
};
