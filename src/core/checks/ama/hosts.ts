// The endpoints the Azure Monitor Agent itself must reach, from the facts IMDS gave (region, cloud) and the
// user's workspace ids and DCE host names. Sovereign clouds use their own suffix; ama_tst's rewrite of it is a
// no-op, so it tests .com hosts everywhere: here the suffix comes from azEnvironment every time.
import { isLocation } from '../../shapes.js';

export interface AmaHost {
  host: string;
  purpose: string;
  required: boolean;
  /** A handler (control) host: GET /ping must answer `Healthy`. */
  handler: boolean;
}

/** The region as host names spell it (lower case), or null when metadata gave none usable. */
export function regionLabel(location: string): string | null {
  const region = location.trim().toLowerCase();
  return region !== '' && isLocation(region) ? region : null;
}

/** Handler hosts answer GET /ping; DCE configuration hosts are handlers too. */
export const isHandlerHost = (host: string): boolean => host.includes('.handler.control.monitor.');

export function amaHosts(
  region: string,
  suffix: string,
  workspaceIds: readonly string[],
  dceEndpoints: readonly string[],
): AmaHost[] {
  const hosts: AmaHost[] = [
    {
      host: `global.handler.control.monitor.azure.${suffix}`,
      purpose: 'global handler',
      required: true,
      handler: true,
    },
    {
      host: `${region}.handler.control.monitor.azure.${suffix}`,
      purpose: 'regional handler',
      required: true,
      handler: true,
    },
    ...workspaceIds.map((id) => ({
      host: `${id}.ods.opinsights.azure.${suffix}`,
      purpose: 'Log Analytics workspace',
      required: true,
      handler: false,
    })),
    ...dceEndpoints.map((host) => ({
      host,
      purpose: 'data collection endpoint',
      required: true,
      handler: isHandlerHost(host),
    })),
  ];
  // A DCE given twice, or equal to a computed host, is probed once.
  return hosts.filter((h, i) => hosts.findIndex((o) => o.host === h.host) === i);
}
