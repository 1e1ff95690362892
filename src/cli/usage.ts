// Usage errors found while reading the command line (exit 2, nothing called).
export const NUMBER_PATTERN = /^(\d+(\.\d*)?|\.\d+)$/;

/** A command-line mistake; its message is printed after `error: `. */
export class UsageError extends Error {}

/** A number of seconds given as a flag's text; undefined when the flag was not given. */
export function seconds(value: unknown, flag: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const parsed = NUMBER_PATTERN.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(parsed) || (!allowZero && parsed === 0)) {
    const expected = allowZero ? 'a number of seconds (0 or more)' : 'a number of seconds greater than 0';
    throw new UsageError(`${flag} must be ${expected}, got '${text}'`);
  }
  return parsed;
}
