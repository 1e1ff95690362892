// `npm run test:interop`: the tests that drive the real AWS CLI v2 or read botocore's service model
// (test/interop/). They fail, never skip, when those are missing; .ci/run installs them (Debian "awscli").
import { unitProject } from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...unitProject,
  displayName: 'interop',
  roots: ['<rootDir>/test/interop'],
  testMatch: ['<rootDir>/test/interop/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
