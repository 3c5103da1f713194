// ESM + ts-jest: needs NODE_OPTIONS=--experimental-vm-modules (set by scripts/test.mjs).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  // No test leaves a handle open: at the end of a full run each worker reaches its 'exit' event within 10 ms
  // of jest's end request, with only jest's own IPC and stdio pipes active. Its process then needs 0.4-0.9 s
  // to go away (a 240-380 MB heap, 0.5-0.8 GB resident, on two shared cores; measured over four full runs),
  // longer than jest's 500 ms default, after which jest kills it and prints "A worker process has failed to
  // exit gracefully". A handle left open for longer than 5 s is still reported.
  workerGracefulExitTimeout: 5000,
};
