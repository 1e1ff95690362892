// `npm run test:interop`: the tests that drive the real AWS CLI v2 or read botocore's service model
// (test/interop/). They fail, never skip, when those are missing; .ci/run installs them (Debian "awscli").
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  roots: ['<rootDir>/test/interop'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
