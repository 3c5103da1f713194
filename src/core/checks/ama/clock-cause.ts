// The ama check's settle: a certificate that looks expired or not yet valid was judged by the local clock. When
// the clock check found that clock off, each such chain is judged again at Azure's time (the handshake's local
// time minus the measured skew): valid then, the clock is the cause; out of date then too, the clock is off but
// not the only cause; dates unreadable, the clock is the likely cause.
import { neutralise } from '../../neutralise.js';
import type { CheckResult, Code, Findings } from '../../types.js';
import type { ExpiredChain } from './probe-hosts.js';

/** What the settle reads of the ama finding. */
interface AmaProbed {
  check: CheckResult;
  hosts: readonly { code: Code }[];
  expired: readonly ExpiredChain[];
}

/** Both texts were neutralised when the check finished; the cap only keeps the addition from cutting them. */
const SETTLED_TEXT_CHARS = 8000;

type AtAzureTime = 'valid' | 'expired' | 'not yet valid' | 'unknown';

function atAzureTime(chain: ExpiredChain, skewSeconds: number): AtAzureTime {
  if (!chain.window) return 'unknown';
  const azureAt = chain.at - skewSeconds * 1000;
  if (azureAt > chain.window.to) return 'expired';
  if (azureAt < chain.window.from) return 'not yet valid';
  return 'valid';
}

export function clockCause<F extends AmaProbed>(own: F, findings: Findings): F {
  const clock = findings.clock;
  if (!clock?.off || clock.skewSeconds === null || !own.hosts.some((h) => h.code === 'ama_tls_expired'))
    return own;
  const skew = clock.skewSeconds;
  const off = `The local clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} Azure (clock check)`;
  const judged = own.expired.map((chain) => ({ host: chain.host, at: atAzureTime(chain, skew) }));
  const stillOut = judged.filter((j) => j.at === 'expired' || j.at === 'not yet valid');
  let message: string;
  let remediation: string;
  if (stillOut.length > 0) {
    const named = stillOut.map((j) => `${j.host} (${j.at})`).join(', ');
    message = `The local clock is off too (clock check), but by Azure's time the chain from ${named} is out of date as well.`;
    remediation = `${off}: correct it (clock_skew), but it is not the only cause: by Azure's time the chain from ${named} is still out of date.`;
  } else if (judged.length > 0 && judged.every((j) => j.at === 'valid')) {
    message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid: by Azure's time the chain is valid.`;
    remediation = `${off}: certificates are judged by this clock, so the clock is the cause of ama_tls_expired here. Correct the clock first (clock_skew), then run the check again.`;
  } else {
    message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid.`;
    remediation = `${off}: certificates are judged by this clock, so the clock is the likely cause of ama_tls_expired here (the certificates' dates could not be read to confirm it). Correct the clock first (clock_skew), then run the check again.`;
  }
  return {
    ...own,
    check: {
      ...own.check,
      message: neutralise(`${own.check.message} ${message}`, SETTLED_TEXT_CHARS),
      remediation: neutralise(`${remediation} ${own.check.remediation}`, SETTLED_TEXT_CHARS),
    },
  };
}
