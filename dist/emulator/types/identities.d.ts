import type { EmulatorIdentity } from './types.js';
export declare const TENANT_ID = "8dcece74-f736-4b23-a91d-56792cc59fa7";
export declare const SYSTEM_IDENTITY: EmulatorIdentity;
export declare const USER_IDENTITY_1: EmulatorIdentity;
export declare const USER_IDENTITY_2: EmulatorIdentity;
/** 'healthy' VM: one system identity and two user-assigned identities. */
export declare const DEFAULT_IDENTITIES: readonly EmulatorIdentity[];
/** The system identity of the emulated Arc machine. */
export declare const ARC_SYSTEM_IDENTITY: EmulatorIdentity;
export declare const ARC_DEFAULT_IDENTITIES: readonly EmulatorIdentity[];
