import { createRequire } from 'node:module';

type Validate = (definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }) => { isValid: boolean; errorsText: (separator?: string) => string };

// asl-validator 4 is CommonJS with no type declarations; it also writes QueryLanguage into the
// definition it is given, so it gets a copy.
const validate = createRequire(import.meta.url)('asl-validator') as Validate;

/** asl-validator's verdict on a definition, with every check on: '' when valid, else its errors. */
export function aslErrors(definition: unknown): string {
  const result = validate(structuredClone(definition), { checkPaths: true, checkArn: true });
  return result.isValid ? '' : result.errorsText('\n');
}
