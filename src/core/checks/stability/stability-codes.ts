// The stability check's codes and their fixes (docs/errors.md has the long form of each).
import { setting, type Remedy } from '../../types.js';

export const STABILITY_CODES = [
  'stability_throttled',
  'stability_server_error',
  'stability_updating',
  'stability_no_answer',
  'stability_slow_answer',
  'stability_bad_answer',
  'stability_incomplete',
] as const;
export type StabilityCode = (typeof STABILITY_CODES)[number];

export const STABILITY_REMEDIES: Readonly<Record<StabilityCode, Remedy>> = {
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
};
