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
  testTimeout: 30000,
};
