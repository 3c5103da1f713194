// Synthetic identities and tenant. GUIDs are random and belong to nothing real.

import type { EmulatorIdentity } from './types.js';
import { VM_SUBSCRIPTION_ID } from './fixtures/vm-instance.js';

export const TENANT_ID = '8dcece74-f736-4b23-a91d-56792cc59fa7';

const uamiId = (name: string): string =>
  `/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;

export const SYSTEM_IDENTITY: EmulatorIdentity = {
  kind: 'system',
  clientId: 'c8665819-4f36-48db-be77-b7daf276cd97',
  objectId: 'f2c8a4fc-0c41-49c9-aaf5-5957830c3cb5',
};

export const USER_IDENTITY_1: EmulatorIdentity = {
  kind: 'user',
  clientId: 'ab77ccb7-0b00-46c8-ac2b-4303f0ffc6b0',
  objectId: '0a92bc98-f76f-462e-af3d-c7330eb5f2b3',
  resourceId: uamiId('id-ama-writer'),
};

export const USER_IDENTITY_2: EmulatorIdentity = {
  kind: 'user',
  clientId: '6fe8e176-6a90-4f36-b369-8f03726473e6',
  objectId: 'dc99342b-0b30-469e-af0d-0ddfcc804af5',
  resourceId: uamiId('id-deploy'),
};

/** 'healthy' VM: one system identity and two user-assigned identities. */
export const DEFAULT_IDENTITIES: readonly EmulatorIdentity[] = [
  SYSTEM_IDENTITY,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
];

/** The system identity of the emulated Arc machine. */
export const ARC_SYSTEM_IDENTITY: EmulatorIdentity = {
  kind: 'system',
  clientId: '032a0262-8879-4d9f-b8f2-04cfbbeb662c',
  objectId: '5b0c3a1e-2f64-4c7d-9e8a-1d2b3c4d5e6f',
};

export const ARC_DEFAULT_IDENTITIES: readonly EmulatorIdentity[] = [ARC_SYSTEM_IDENTITY];
