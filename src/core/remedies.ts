// The fix we tell the user for each code. Texts here hold for a VM; a mode module (modes/arc.ts) overrides
// the codes whose fix differs on Azure Arc. docs/errors.md has the long form of each.
import type { Code } from './codes.js';
import type { InputName } from './contract.js';
import type { InputSpelling } from './types.js';

export interface RemedyContext {
  profile: { service: string; bypassHosts: readonly string[]; remedies: Partial<Record<Code, Remedy>> };
  platform: string;
  spell: InputSpelling;
}

export type Remedy = string | ((ctx: RemedyContext) => string);

const setting = (ctx: RemedyContext, name: InputName, value?: string): string =>
  value === undefined ? ctx.spell.name(name) : ctx.spell.assignment(name, value);

export const selectorInputs = (ctx: RemedyContext): string =>
  (['client-id', 'object-id', 'msi-res-id'] as const).map((n) => setting(ctx, n)).join(', ');

const vmRoute =
  'Check that nothing blocks 169.254.169.254:80: an OS firewall or iptables rule, a missing route for 169.254.169.254/32 ' +
  'via the primary NIC (`ip route get 169.254.169.254`), or AKS --enable-imds-restriction for pods without hostNetwork.';

export const notImds = (ctx: RemedyContext): string =>
  `Something other than ${ctx.profile.service} answered. Make sure its traffic is not sent through a proxy ` +
  `(add ${ctx.profile.bypassHosts.join(',')} to NO_PROXY and the proxy bypass list) ` +
  'and that no local service or container runtime intercepts the address.';

const REMEDIES: Readonly<Record<Code, Remedy>> = {
  ok: 'Nothing to fix.',
  skipped: 'Nothing to fix; the check did not apply or was not requested.',
  invalid_input: 'Correct the named input; the message lists the accepted values.',
  deadline_exceeded: (ctx) =>
    `The run used up ${setting(ctx, 'timeout-seconds')} before this check could finish. Raise it, or fix the slower check first.`,
  proxy_without_imds_bypass:
    'Add the IMDS address to the proxy bypass list (the message shows the exact NO_PROXY value) so that the Azure Monitor Agent and other tools reach IMDS directly. imds-check itself never uses a proxy for IMDS.',
  arc_endpoint_invalid:
    'IMDS_ENDPOINT must be an http URL on a loopback address, as the Arc agent sets it (http://localhost:40342). Correct or unset it; imds-check used the default endpoint.',
  connect_timeout: 'Packets to IMDS are dropped. ' + vmRoute,
  connection_refused:
    'The connection to IMDS was refused locally. ' +
    vmRoute +
    ' Inside a container on an Arc host, IMDS is not available.',
  network_unreachable:
    'There is no route to 169.254.169.254. Add a route for 169.254.169.254/32 via the primary NIC (DHCP restores it), or run on an Azure VM.',
  connection_reset:
    'The connection was reset. A firewall or a security agent probably rejects it; allow TCP to the IMDS address and port.',
  no_response:
    'Something accepted the connection but never answered. Look for a proxy, a transparent interceptor or a hung service on the IMDS address.',
  body_timeout:
    'The answer started but its body never finished. Look for an interceptor or a hung service on the IMDS address.',
  body_too_large: (ctx) => 'The answer was larger than 1 MiB, which IMDS never sends. ' + notImds(ctx),
  protocol_error: (ctx) => 'The answer was not valid HTTP. ' + notImds(ctx),
  not_imds_html: (ctx) => 'An HTML page came back. ' + notImds(ctx),
  not_imds_proxy:
    'A proxy answered instead of IMDS. Set NO_PROXY to include 169.254.169.254 (Arc: localhost,127.0.0.1) and add it to the proxy bypass list of the agent.',
  not_imds_container_runtime:
    'A container runtime answered that the network is unreachable: the job is running somewhere without IMDS (for example Docker Desktop). Run it on an Azure VM or Arc server.',
  not_imds_answer: (ctx) => 'The answer does not look like IMDS. ' + notImds(ctx),
  metadata_header_rejected:
    'IMDS rejected the request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
  metadata_api_version:
    'No api-version was accepted, even after falling back to the versions IMDS offered. Something may be rewriting requests; compare with `curl -H Metadata:true "http://169.254.169.254/metadata/versions"` on the machine.',
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
  token_identity_not_found: (ctx) =>
    `The VM has no managed identity, or not the one selected. Enable the system-assigned identity, or assign the user-assigned identity to the VM (az vm identity assign), and check the ${selectorInputs(ctx)} value.`,
  token_multiple_identities: (ctx) =>
    `The VM has several user-assigned identities and none was selected. Set ${setting(ctx, 'identity', 'user')} with one of ${selectorInputs(ctx)}.`,
  token_invalid_resource:
    'Entra ID does not know the requested resource in this tenant. Correct the resource (App ID URI of the target API).',
  token_bad_request:
    'IMDS rejected the token request (400). Read the error text in the message; check the resource and identity selector.',
  token_header_rejected:
    'IMDS rejected the token request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
  token_forbidden:
    'IMDS refused the token request (403). Check that the identity is allowed to request tokens and that no interceptor rewrites the request.',
  token_not_found: (ctx) =>
    `The token endpoint kept answering 404 (IMDS updating) until the deadline. Retry later, or raise ${setting(ctx, 'timeout-seconds')}.`,
  token_gone: (ctx) =>
    `The token endpoint kept answering 410 (IMDS updating, up to 70 s). Raise ${setting(ctx, 'timeout-seconds')} above 70 or retry later.`,
  token_throttled:
    'The token endpoint kept answering 429 (20 requests per second, 5 concurrent). Reduce other token traffic and retry.',
  token_server_error:
    'The token endpoint kept answering 5xx (often Entra ID unreachable from IMDS). Retry later; check Azure status.',
  token_unexpected_status:
    'The token endpoint answered with an undocumented status. Retry; compare with a manual request on the machine.',
  token_bad_json: (ctx) => 'The token answer is not valid JSON. ' + notImds(ctx),
  token_bad_shape: (ctx) => 'The token answer lacks access_token or expires_on. ' + notImds(ctx),
  token_not_jwt: (ctx) =>
    'The access_token is not a JWT (three base64url parts with a JSON payload), which every Entra ID managed-identity token is. It was not used or shown. ' +
    notImds(ctx),
  token_expired: 'IMDS returned a token that is already expired. Check the machine clock (NTP) and retry.',
  token_claim_rejected: (ctx) =>
    'A token claim (oid, tid or appid) is not a GUID, so its output was left empty; the token itself was issued. ' +
    notImds(ctx),
  arc_challenge_missing:
    'Hybrid IMDS answered 401 without a WWW-Authenticate challenge. Update the Connected Machine agent.',
  arc_challenge_malformed:
    'The WWW-Authenticate challenge is not `Basic realm=<path>`. Update the Connected Machine agent; if it persists, something impersonates HIMDS.',
  arc_expected_challenge:
    'Hybrid IMDS returned a token without the key-file challenge; something other than HIMDS may be listening on its port.',
  arc_endpoint_not_loopback:
    'The key-file challenge is only followed for a Hybrid IMDS on this machine. Point endpoint at localhost:40342 (or leave it empty); a remote server asking for the key file is not HIMDS.',
  arc_key_outside_tokens_dir:
    'The challenge named a file outside the Arc tokens folder, so it was not read. Something other than HIMDS may be listening on its port; check `azcmagent show`.',
  arc_key_not_key_file:
    'The challenge named a file that does not end in .key, so it was not read. Something other than HIMDS may be answering.',
  arc_key_not_regular_file:
    'The challenge named something that is not a regular file (a link, folder or FIFO), so it was not read.',
  arc_key_hard_link:
    'The challenge file has more than one hard link, so it could be any file on this machine; it was not read. HIMDS creates a fresh single-use file: something else may be answering on its port.',
  arc_key_too_large:
    'The challenge file is larger than 4096 bytes, so it was not read. Something other than HIMDS may be answering.',
  arc_key_missing:
    'The challenge file does not exist (it is single-use and removed quickly). Retry; if it persists, restart himdsd.',
  arc_key_permission_denied: (ctx) =>
    ctx.platform === 'win32'
      ? "Run the agent or runner as a member of the local 'Hybrid agent extension applications' group (or Administrators), then restart its service."
      : 'Add the runner or agent user to the himds group (`sudo usermod -aG himds <runner user>`), then restart the runner or agent service so the new group applies.',
  arc_key_read_failed:
    'The challenge file could not be read or does not hold a usable secret. Check the folder permissions and free disk space.',
  arc_secret_rejected:
    'Hybrid IMDS rejected the key-file secret. Retry; if it persists, restart the Hybrid IMDS service.',
  arc_user_identity_unconfirmed: (ctx) =>
    `The answer did not confirm the requested user-assigned identity: Arc agents before user-assigned support return the system identity. Update the Connected Machine agent, or use ${setting(ctx, 'identity', 'system')}.`,
  // stability (samples > 1)
  stability_throttled: (ctx) =>
    `${ctx.profile.service} answered 429 to some samples: other software on this machine uses up its 5 requests per second (imds-check stays below it). Find what polls it in a loop (agents, scripts, clients that do not cache tokens) and slow it down.`,
  stability_server_error: (ctx) =>
    `${ctx.profile.service} answered 5xx to some samples. Clients that retry ride this out; if it persists, check Azure status for the region and the service's health on this machine, then open a support case.`,
  stability_updating: (ctx) =>
    `${ctx.profile.service} was being updated while sampling (410, or 404 from the token endpoint); this passes within about 70 s. Make sure your clients retry that long, and sample again later.`,
  stability_no_answer:
    'Some samples got no answer at all (timeout, reset or refused) although others were answered. Look for a firewall or security agent dropping some connections, or a host under heavy load.',
  stability_slow_answer:
    'Some answers took more than 1 s, after which @azure/identity and Go azidentity stop probing IMDS, so DefaultAzureCredential may skip the managed identity. Look for CPU or network load on the host, or software inspecting local traffic.',
  stability_bad_answer:
    'Some samples got an answer that was not a good IMDS answer (the codes per sample are in the report, under samples.series). Something may intercept part of the traffic, such as a proxy for some of the requests.',
  stability_incomplete: (ctx) =>
    `${setting(ctx, 'timeout-seconds')} ran out before every sample was taken. Raise it (up to 600) or lower ${setting(ctx, 'samples')}: a sample takes about 0.5 s (0.9 s with a token on Arc).`,
  // fleet merge (imds-check merge)
  fleet_report_invalid:
    'A file the merge was given does not count as a machine report of imds-check (not JSON, not schemaVersion 1, no GUID machine.vmId, no reachability check, a startedAt later than the merge, a field or file larger than any report, or unreadable). Make each machine upload only its report file, and point the merge at those files; the row names the file and why. A machine that IMDS never answered has no vmId: fix its failing check, listed on the same row.',
  fleet_machine_missing:
    'Fewer machines left a report than expected. A matrix leg whose runner was offline, or a deployment that did not reach a machine, leaves none: find the leg without an uploaded report and run it again, or lower expected when the fleet shrank.',
  fleet_no_reports:
    'No report file matched. Check that every machine uploads its report and that the merge downloads them to the folder or pattern it reads (reports input or PATH arguments).',
  fleet_vmid_conflict:
    "Reports of the same vmId came from more than one leg folder, so one leg may speak for another machine. Give each leg its own artifact (one folder each) holding only its own report, download only the latest attempt of each leg, and check the leg folders the row names: a report in a folder that is not its machine's own is forged or misplaced.",
  fleet_too_many_machines:
    'More machines reported than expected says, so some rows are not machines of this fleet (stray or planted reports, or the fleet grew). Find the rows you do not know in the fleet report, remove their files or raise expected to the real fleet size.',
  fleet_scan_incomplete:
    'The merge stopped searching for reports at a limit (100,000 files, or folders 64 levels deep), so a report may not have been read. Point the merge at the report folders only (reports input or PATH arguments), or merge fewer reports at a time.',
  // AMA readiness (ama: true)
  ama_unknown_cloud: (ctx) =>
    `Azure Monitor host names are published only for the public, US Government and China clouds, so the hosts of this cloud cannot be named. Check its Azure Monitor endpoints with the documentation of that cloud, or set ${setting(ctx, 'ama', 'false')} on these machines.`,
  ama_trusted_roots_invalid: (ctx) =>
    `Point ${setting(ctx, 'ama-trusted-roots')} at a readable PEM file (at most 1 MiB) holding only -----BEGIN CERTIFICATE----- blocks: the root certificates of your Azure Stack or lab cloud.`,
  ama_proxy_invalid: (ctx) =>
    `Set HTTPS_PROXY to http://host:port (AMA supports HTTP proxies only), or tell imds-check the proxy AMA will use with ${setting(ctx, 'ama-proxy')} (or none).`,
  ama_dns_failed:
    'The machine cannot resolve the host, so AMA cannot reach it. Check the DNS servers the machine uses (custom DNS needs forwarders to Azure DNS 168.63.129.16) and, with Private Link, the privatelink.* zones linked to the VNet.',
  ama_private_link_public:
    'The name still resolves to a public address although Private Link is expected: link the privatelink.monitor.azure.com, privatelink.oms.opinsights.azure.com and privatelink.ods.opinsights.azure.com zones to this VNet (or forward them from your DNS) and make sure the workspace and DCE are in the AMPLS.',
  ama_private_link_private: (ctx) =>
    `The name resolves to a private address (a Private Link zone is in effect) although ${setting(ctx, 'private-link', 'false')} says it should not: this network shares DNS with an Azure Monitor Private Link Scope, so AMA needs a DCE and must use the private endpoint. Set ${setting(ctx, 'private-link', 'true')} if that is intended.`,
  ama_connect_timeout:
    'Packets to TCP 443 of the host are dropped: allow outbound 443 to the AzureMonitor service tag (and the DCE addresses, which the tag does not cover) in the NSG, the firewall and any OS firewall.',
  ama_connect_failed:
    'TCP 443 to the host was refused or has no route: check the firewall, routes (UDR to a firewall appliance) and that nothing on this machine rejects outbound 443.',
  ama_proxy_connect_failed: (ctx) =>
    `The proxy AMA would use cannot be reached or does not answer CONNECT. Check the address in ${setting(ctx, 'ama-proxy')} or HTTPS_PROXY and that the proxy accepts connections from this machine.`,
  ama_proxy_auth_required: (ctx) =>
    `The proxy requires proxy authentication and refused the credentials (or none were given). Put its user name and password in AMA's protected settings (proxy.username, proxy.password, with auth true) and in ${setting(ctx, 'ama-proxy')} as http://user:password@host:port, or allow the Azure Monitor endpoints without authentication. AMA supports Basic authentication only.`,
  ama_proxy_refused:
    'The proxy refused to open a tunnel to the host (its status is in the message): allow CONNECT to the Azure Monitor endpoints on port 443 in the proxy policy.',
  ama_tls_old_version:
    'The server that answered on 443 speaks only TLS 1.0/1.1, which Azure Monitor no longer accepts; Azure itself speaks TLS 1.2+. Something in the path (an old proxy or firewall) terminates TLS: update it or exclude the Azure Monitor endpoints from it.',
  ama_tls_failed:
    'The TLS handshake did not complete: something accepted the connection but does not speak TLS for this host (a transparent proxy, a firewall holding the connection). Allow direct TLS to the Azure Monitor endpoints.',
  ama_tls_untrusted:
    'The certificate chain is not trusted on this machine: something in the path presents its own certificate (the issuer is named). Exclude the Azure Monitor endpoints from HTTPS inspection; AMA does not support inspected traffic.',
  ama_tls_expired:
    'A certificate in the chain is expired or not yet valid. Check the machine clock (NTP); if the clock is right, a device in the path presents a stale certificate: exclude the Azure Monitor endpoints from HTTPS inspection.',
  ama_tls_hostname:
    'The certificate is not issued for this host name: the name leads to another Azure service (a wrong hosts-file entry, DNS record or Private Link zone entry). Check what it resolves to and correct it.',
  ama_tls_inspected: (ctx) =>
    `A TLS-inspecting firewall or proxy re-signed the connection with its own CA (named in the message). Microsoft does not support HTTPS inspection for any Azure Monitor Agent endpoint: exclude these hosts from inspection (bypass or no-decrypt rule). ${setting(ctx, 'ama-trusted-roots')} is for Azure Stack, air-gapped clouds and labs, not to accept inspection.`,
  ama_http_failed:
    'TLS worked but no HTTP answer came back in time. Something in the path may hold the connection; retry, and check the firewall or proxy logs for the host.',
  ama_ping_unhealthy:
    'The handler answered GET /ping with something other than Healthy. Retry later and check Azure status for Azure Monitor in the region; if it persists, open a support case.',
  ama_not_azure_answer:
    'Something other than Azure Monitor answered (a proxy, a block page, or a device adding a Via header). Allow the Azure Monitor endpoints through that device without interception or blocking.',
};

export function remedyFor(code: Code, ctx: RemedyContext): string {
  const remedy: Remedy = ctx.profile.remedies[code] ?? REMEDIES[code];
  return typeof remedy === 'function' ? remedy(ctx) : remedy;
}
