// The Action's inputs (action.yml declares the same names; a test keeps the two lists equal) and their
// translation into a `portfolio-share wait` command line. The CLI validates the values, so a bad
// number is refused with the same message as on the command line.

/** The two readers of @actions/core this module needs (passed in, so tests can give plain values). */
export interface InputReader {
  /** `INPUT_<NAME>` with spaces as `_`, upper-cased (dashes kept), trimmed; '' when unset. */
  getInput(name: string): string;
  /** YAML 1.2 core-schema booleans (`true`, `True`, `TRUE`, `false`, …); throws a TypeError otherwise. */
  getBooleanInput(name: string): boolean;
}

/** Inputs passed through as `--<name> <value>` when not empty. */
const VALUE_INPUTS = ['timeout', 'min-delay', 'max-delay', 'not-found-grace', 'region', 'profile', 'endpoint-url', 'output', 'log-level'] as const;
/** Inputs passed through as `--<name>` when true. */
const FLAG_INPUTS = ['accept-partial', 'quiet'] as const;
/** Inputs that default to true and pass `--no-<name>` when false. */
const NEGATABLE_INPUTS = ['tolerate-duplicates'] as const;

/** Every input the entry reads, in action.yml's order. */
export const ACTION_INPUTS: readonly string[] = ['tokens', ...VALUE_INPUTS, ...FLAG_INPUTS, ...NEGATABLE_INPUTS];

/** An input the Action cannot use; the entry fails the step with exit code 2 (usage). */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
  readonly code = 'INVALID_ACTION_INPUT';
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
  }
}

function flag(read: InputReader, name: string, unset: boolean): boolean {
  if (read.getInput(name) === '') return unset;
  try {
    return read.getBooleanInput(name);
  } catch {
    throw new ActionInputError(`input ${name}: expected true or false, got '${read.getInput(name)}'`, name);
  }
}

/** The `wait` command line for these inputs: global options first, then `wait`, tokens and its options. */
export function waitArguments(read: InputReader): string[] {
  const tokens = read.getInput('tokens').split(/\s+/).filter((token) => token !== '');
  if (tokens.length === 0) {
    throw new ActionInputError('input tokens: give at least one PortfolioShareToken (several: one a line or separated by spaces)', 'tokens');
  }
  const argv = ['wait', ...tokens];
  for (const name of VALUE_INPUTS) {
    const value = read.getInput(name);
    if (value !== '') argv.push(`--${name}`, value);
  }
  for (const name of FLAG_INPUTS) if (flag(read, name, false)) argv.push(`--${name}`);
  for (const name of NEGATABLE_INPUTS) if (!flag(read, name, true)) argv.push(`--no-${name}`);
  return argv;
}
