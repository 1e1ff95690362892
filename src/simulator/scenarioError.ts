/** A scenario (or fault rule) that does not fit the format; `field` is its JSON path, e.g. `shares.defaultDurationSeconds`. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly code = 'INVALID_SCENARIO';
  /** JSON path of the offending field; '' for the document as a whole. */
  readonly field: string;
  /** What the field should have held. */
  readonly expected: string;

  /** The file the scenario came from, when it came from one. */
  readonly source?: string | undefined;
  private readonly received: unknown;

  constructor(field: string, expected: string, received?: unknown, options?: { source?: string | undefined }) {
    const where = field === '' ? 'scenario' : field;
    const got = received === undefined ? '' : `, got ${describe(received)}`;
    const prefix = options?.source ? `${options.source}: ` : '';
    super(`${prefix}invalid scenario: ${where}: expected ${expected}${got}`);
    this.field = field;
    this.expected = expected;
    this.received = received;
    this.source = options?.source;
  }

  /** The same error, its message prefixed with the file it came from. */
  withSource(source: string): ScenarioError {
    return new ScenarioError(this.field, this.expected, this.received, { source });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/** Field checks shared by the scenario and fault-rule validators; each throws ScenarioError. */
export type Json = Record<string, unknown>;

/** An object whose keys are all in `allowed` (any keys when `allowed` is null). */
export function expectObject(value: unknown, field: string, allowed: readonly string[] | null): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(field, 'an object', value);
  }
  if (allowed === null) return value as Json;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ScenarioError(join(field, key), `no such field (allowed here: ${allowed.join(', ')})`);
    }
  }
  return value as Json;
}

export function expectString(value: unknown, field: string, pattern?: { regex: RegExp; text: string }): string {
  if (typeof value !== 'string') throw new ScenarioError(field, pattern ? pattern.text : 'a string', value);
  if (pattern && !pattern.regex.test(value)) throw new ScenarioError(field, pattern.text, value);
  return value;
}

export function expectNumber(value: unknown, field: string, range: { min: number; max?: number; integer?: boolean }): number {
  const kind = range.integer ? 'an integer' : 'a number';
  const bounds = range.max === undefined ? `≥ ${range.min}` : `between ${range.min} and ${range.max}`;
  const text = `${kind} ${bounds}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScenarioError(field, text, value);
  if (range.integer && !Number.isInteger(value)) throw new ScenarioError(field, text, value);
  if (value < range.min || (range.max !== undefined && value > range.max)) throw new ScenarioError(field, text, value);
  return value;
}

export function expectArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ScenarioError(field, 'an array', value);
  return value;
}

export function join(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return field === '' ? key : `${field}.${key}`;
}

/** The message of anything thrown (errors from another realm included). */
export function messageOf(err: unknown): string {
  if (err !== null && typeof err === 'object' && 'message' in err && typeof err.message === 'string') return err.message;
  return String(err);
}
