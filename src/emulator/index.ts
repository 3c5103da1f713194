// Public entry of the IMDS + Hybrid IMDS (Arc) emulator library. Imports nothing from the rest of src/.

export type {
  Emulator,
  EmulatorIdentity,
  EmulatorMode,
  EmulatorOverrides,
  RecordedRequest,
  ScenarioInfo,
  StartOptions,
} from './types.js';
export { DEFAULT_ARC_KEY_LIFETIME_MS, startEmulator } from './server.js';
export { peakRequestRate } from './rate.js';
export { FIELD_SINCE } from './doc-versions.js';
export { NO_LOAD_BALANCER_BODY } from './extra-routes.js';
export { listScenarios } from './scenarios.js';
export { baitContent } from './arc-files.js';
export {
  ARC_DEFAULT_IDENTITIES,
  ARC_SYSTEM_IDENTITY,
  DEFAULT_IDENTITIES,
  SYSTEM_IDENTITY,
  TENANT_ID,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
} from './identities.js';
export {
  VM_INSTANCE,
  VM_ID,
  VM_NAME,
  VM_RESOURCE_GROUP,
  VM_RESOURCE_ID,
  VM_SUBSCRIPTION_ID,
} from './fixtures/vm-instance.js';
export {
  ARC_INSTANCE,
  ARC_NAME,
  ARC_RESOURCE_GROUP,
  ARC_RESOURCE_ID,
  ARC_SUBSCRIPTION_ID,
  ARC_VM_ID,
} from './fixtures/arc-instance.js';
export { NO_API_VERSION_BODY } from './fixtures/errors.js';
export {
  ARC_API_VERSIONS,
  ARC_DEFAULT_API_VERSION,
  ARC_OLD_API_VERSIONS,
  SCHEDULED_EVENTS_API_VERSIONS,
  VM_API_VERSIONS,
  VM_NEWEST_VERSIONS,
} from './versions.js';
export { IMDS_SERVER_HEADER } from './respond.js';
export { CHALLENGE_BODY, CHALLENGE_HEADER } from './arc-challenge.js';
