/**
 * A number other than NaN and ±Infinity. `Number.isFinite` alone refuses non-numbers too, but does not
 * narrow the type; `typeof x === 'number' && Number.isFinite(x)` narrows, but its first half can never
 * change the answer (a mutation-testing equivalent).
 */
export function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}
