// Azure VM: IMDS at 169.254.169.254, plain token requests, no challenge.
import { IMDS_BASE, IMDS_HOST, VM_METADATA_API_VERSION, VM_TOKEN_API_VERSION } from '../imds/protocol.js';
import type { ModeProfile } from './profile.js';

export const vmProfile: ModeProfile = {
  mode: 'vm',
  service: 'IMDS',
  defaultEndpoint: () => ({ base: IMDS_BASE, problem: null }),
  metadataApiVersion: VM_METADATA_API_VERSION,
  tokenApiVersion: VM_TOKEN_API_VERSION,
  bypassHosts: [IMDS_HOST],
  notesMissingServerHeader: true,
  completeTokenExchange: async (first) => first,
  requiresChallenge: false,
  // IMDS honours the selector; a wrong one is answered 400 "Identity not found".
  confirmsIdentity: () => true,
  serviceState: async () => '',
  containerHint: () => '',
  remedies: {},
};
