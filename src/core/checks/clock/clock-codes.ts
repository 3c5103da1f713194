// The clock check's code and its fix (docs/errors.md has the long form), said for the platform at hand.
import type { Remedy } from '../../types.js';

export type ClockCode = 'clock_skew';

const LINUX =
  'Synchronise the clock. On an Azure VM let chrony use the host clock (chrony.conf: refclock PHC /dev/ptp_hyperv poll 3 dpoll -2 offset 0 stratum 2, and makestep 1.0 -1), restart chronyd and step at once with chronyc makestep; elsewhere (Arc, on-premises) point chrony or ntpd at your site NTP servers. timedatectl status shows whether the clock is synchronised.';
const WINDOWS =
  'Synchronise the clock: w32tm /resync in an elevated prompt. w32tm /query /source names the time source ("Local CMOS Clock" means none); an Azure VM uses the VM IC Time Synchronization Provider, an Arc or on-premises server your site NTP servers (w32tm /config /manualpeerlist:<servers> /syncfromflags:manual /update).';

export const CLOCK_REMEDIES: Readonly<Record<ClockCode, Remedy>> = {
  clock_skew: (ctx) =>
    `${ctx.platform === 'win32' ? WINDOWS : LINUX} Tokens, TLS certificates and signed requests are judged by this clock; Entra ID tolerates 5 minutes.`,
};
