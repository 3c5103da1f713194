// Every stable code a check can end with, declared once. docs/errors.md documents each one (a test keeps the
// two equal) and remedies.ts holds the fix for each. A code never changes meaning once released.

export const CODES = [
  // any check
  'ok',
  'skipped',
  'invalid_input',
  'deadline_exceeded',
  // environment
  'proxy_without_imds_bypass',
  'arc_endpoint_invalid',
  // reachability and transport
  'connect_timeout',
  'connection_refused',
  'network_unreachable',
  'connection_reset',
  'no_response',
  'body_timeout',
  'body_too_large',
  'protocol_error',
  'not_imds_html',
  'not_imds_proxy',
  'not_imds_container_runtime',
  'not_imds_answer',
  // metadata
  'metadata_header_rejected',
  'metadata_api_version',
  'metadata_not_found',
  'metadata_method_not_allowed',
  'metadata_forbidden',
  'metadata_gone',
  'metadata_throttled',
  'metadata_server_error',
  'metadata_unexpected_status',
  'metadata_bad_json',
  'metadata_bad_shape',
  'metadata_value_rejected',
  // token
  'token_identity_not_found',
  'token_multiple_identities',
  'token_invalid_resource',
  'token_bad_request',
  'token_header_rejected',
  'token_forbidden',
  'token_not_found',
  'token_gone',
  'token_throttled',
  'token_server_error',
  'token_unexpected_status',
  'token_bad_json',
  'token_bad_shape',
  'token_not_jwt',
  'token_expired',
  'token_claim_rejected',
  // Azure Arc key-file challenge
  'arc_challenge_missing',
  'arc_challenge_malformed',
  'arc_expected_challenge',
  'arc_endpoint_not_loopback',
  'arc_key_outside_tokens_dir',
  'arc_key_not_key_file',
  'arc_key_not_regular_file',
  'arc_key_hard_link',
  'arc_key_too_large',
  'arc_key_missing',
  'arc_key_permission_denied',
  'arc_key_read_failed',
  'arc_secret_rejected',
  'arc_user_identity_unconfirmed',
  // stability (samples > 1): the failure seen most often among the samples, or too few samples taken
  'stability_throttled',
  'stability_server_error',
  'stability_updating',
  'stability_no_answer',
  'stability_slow_answer',
  'stability_bad_answer',
  'stability_incomplete',
  // fleet merge (imds-check merge): rows of the fleet report that are not a machine's own check
  'fleet_report_invalid',
  'fleet_machine_missing',
  'fleet_no_reports',
  // AMA readiness (the ama check): one code per step a host can fail at, plus the check's own preconditions
  'ama_unknown_cloud',
  'ama_trusted_roots_invalid',
  'ama_proxy_invalid',
  'ama_dns_failed',
  'ama_private_link_public',
  'ama_private_link_private',
  'ama_connect_timeout',
  'ama_connect_failed',
  'ama_proxy_connect_failed',
  'ama_proxy_auth_required',
  'ama_proxy_refused',
  'ama_tls_old_version',
  'ama_tls_failed',
  'ama_tls_untrusted',
  'ama_tls_expired',
  'ama_tls_hostname',
  'ama_tls_inspected',
  'ama_http_failed',
  'ama_ping_unhealthy',
  'ama_not_azure_answer',
] as const;

export type Code = (typeof CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(CODES);

export function isCode(value: string): value is Code {
  return KNOWN.has(value);
}
