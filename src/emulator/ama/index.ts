// The Azure Monitor side of the emulator: test PKI, HTTPS listeners under the real host names, a CONNECT proxy
// stub, and the `imds-check emulate --ama` wiring. Imports nothing from the rest of src/.
export {
  createAmaPki,
  INSPECTION_CA_CN,
  TEST_AZURE_ROOT_CN,
  TEST_AZURE_ISSUING_CN,
  UNTRUSTED_CA_CN,
  WRONG_HOST_NAME,
} from './pki.js';
export type { AmaPki, LeafKind } from './pki.js';
export { AMA_SCENARIOS, amaScenario, type AmaScenario } from './scenarios.js';
export {
  startAmaServers,
  type AmaListener,
  type AmaRecord,
  type AmaServers,
  type ListenSpec,
} from './server.js';
export { startAmaProxy, type AmaProxy, type AmaProxyOptions, type ProxyRecord } from './proxy.js';
