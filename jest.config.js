/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // Fails any test during which Node emits a process warning.
  setupFilesAfterEnv: ['<rootDir>/test/support/failOnWarning.ts'],
  testTimeout: 30000,
  // The default reporter, plus the fault matrix's summary line (npm run test:faults, and inside npm test).
  reporters: ['default', '<rootDir>/test/support/faultMatrixReporter.mjs'],
};
