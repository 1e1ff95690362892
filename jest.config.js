/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Tests that need the AWS CLI or botocore's model run with `npm run test:interop` (jest.interop.config.js),
  // so `npm test` passes on a machine with only Node and npm.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/interop/'],
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
