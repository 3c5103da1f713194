// The AMA readiness check (ama: true): after IMDS, the endpoints the Azure Monitor Agent itself must reach,
// from the region and cloud metadata gave. Per host: DNS, TCP 443 (direct or CONNECT), TLS with the Azure root
// check, HTTP. The run and the wire are under ../ama/, loaded only when the check runs.
import type { HostEntry } from '../ama/probe-host.js';
import { AMA_CHECK } from '../ama/check-id.js';
import type { CheckModule } from '../pipeline/check.js';
import type { Finding } from '../pipeline/findings.js';

export interface AmaFinding extends Finding {
  hosts: HostEntry[];
}

declare module '../pipeline/findings.js' {
  interface CheckFindings {
    ama: AmaFinding;
  }
}

export const amaCheck: CheckModule<'ama'> = {
  ...AMA_CHECK,
  wanted: (options) => options.ama,
  run: async (run, findings) => (await import('../ama/run.js')).runAma(run, findings),
  outputs(report) {
    const check = report.checks.find((c) => c.id === 'ama');
    const hosts = Array.isArray(check?.data?.['hosts'])
      ? (check.data['hosts'] as { host?: unknown; status?: unknown }[])
      : [];
    const failed = hosts
      .filter((h) => h.status === 'fail' && typeof h.host === 'string')
      .map((h) => h.host as string);
    return {
      'ama-status': !check || check.status === 'skip' ? 'skipped' : check.status,
      'ama-failed-endpoints': failed.join(','),
    };
  },
};
