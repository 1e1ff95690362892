import { InvalidInputError } from '../../src/errors.js';

/** The InvalidInputError `run` throws; anything else it throws is rethrown, and returning fails the test. */
export function invalidInput(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError, but nothing was thrown');
}
