/** Typed reads of a request input that has passed `validateInput` (which checked the JSON types). */
export type Input = Record<string, unknown>;

export function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  return typeof value === 'string' ? value : undefined;
}

/** A required member: validation guarantees it is there, but never trust that blindly. */
export function requiredString(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== 'string') throw new TypeError(`${key} missing after validation`);
  return value;
}

export function optionalBoolean(input: Input, key: string): boolean | undefined {
  const value = input[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function optionalInteger(input: Input, key: string): number | undefined {
  const value = input[key];
  return typeof value === 'number' ? value : undefined;
}

export function optionalObject(input: Input, key: string): Input | undefined {
  const value = input[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Input) : undefined;
}
