// What the Azure Monitor side of the emulator can pretend to be. Each listener plays one scenario for every
// host name a client asks for (SNI), so one listener serves the handlers, ODS and DCE hosts at once.
import type { LeafKind } from './pki.js';

export interface AmaScenario {
  name: string;
  description: string;
  /** Which certificate answers; null: no TLS at all (silent). */
  leaf: LeafKind | null;
  /** TLS 1.0/1.1 only. */
  oldTls?: boolean;
  /** How GET /ping and other paths answer. */
  http: 'azure' | 'html' | 'unhealthy' | 'via';
}

export const AMA_SCENARIOS: readonly AmaScenario[] = [
  {
    name: 'healthy',
    description: 'test-Azure chain; /ping answers Healthy, other paths 401 JSON',
    leaf: 'azure',
    http: 'azure',
  },
  {
    name: 'intercepted',
    description: "re-signed by 'Contoso Firewall CA' (trust it with NODE_EXTRA_CA_CERTS)",
    leaf: 'inspection',
    http: 'azure',
  },
  { name: 'untrusted', description: 'chain from a CA nobody trusts', leaf: 'untrusted', http: 'azure' },
  {
    name: 'expired',
    description: 'test-Azure chain, leaf expired yesterday',
    leaf: 'expired',
    http: 'azure',
  },
  {
    name: 'fresh',
    description:
      'test-Azure chain, leaf issued 10 minutes ago (a clock over 10 minutes behind: not yet valid)',
    leaf: 'fresh',
    http: 'azure',
  },
  {
    name: 'wrong-host',
    description: 'test-Azure chain for another host name',
    leaf: 'wrong-host',
    http: 'azure',
  },
  { name: 'tls11', description: 'speaks TLS 1.0/1.1 only', leaf: 'azure', oldTls: true, http: 'azure' },
  {
    name: 'html',
    description: 'test-Azure chain, every path a 403 HTML block page',
    leaf: 'azure',
    http: 'html',
  },
  {
    name: 'unhealthy',
    description: 'test-Azure chain, /ping answers 503 Unhealthy',
    leaf: 'azure',
    http: 'unhealthy',
  },
  { name: 'via', description: 'test-Azure chain, answers carry a Via header', leaf: 'azure', http: 'via' },
  { name: 'silent', description: 'accepts TCP, never speaks', leaf: null, http: 'azure' },
];

export function amaScenario(name: string): AmaScenario | undefined {
  return AMA_SCENARIOS.find((s) => s.name === name);
}
