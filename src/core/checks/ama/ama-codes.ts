// The ama check's codes and their fixes (docs/errors.md has the long form of each).
import { setting, type Remedy } from '../../types.js';

export type AmaCode =
  | 'ama_unknown_cloud'
  | 'ama_trusted_roots_invalid'
  | 'ama_proxy_invalid'
  | 'ama_dns_failed'
  | 'ama_private_link_public'
  | 'ama_private_link_private'
  | 'ama_connect_timeout'
  | 'ama_connect_failed'
  | 'ama_proxy_connect_failed'
  | 'ama_proxy_auth_required'
  | 'ama_proxy_refused'
  | 'ama_tls_old_version'
  | 'ama_tls_failed'
  | 'ama_tls_untrusted'
  | 'ama_tls_expired'
  | 'ama_tls_hostname'
  | 'ama_tls_inspected'
  | 'ama_http_failed'
  | 'ama_ping_unhealthy'
  | 'ama_not_azure_answer';

export const AMA_REMEDIES: Readonly<Record<AmaCode, Remedy>> = {
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
