/** Pattern and length of a PortfolioShareToken, as the service's model defines them. */
export const TOKEN_PATTERN = /^[a-zA-Z0-9_-]*$/;
export const TOKEN_MAX_LENGTH = 100;

/**
 * True when `value` is a token the service could accept. Kept in a module of its own, free of
 * imports, so the CLI checks tokens by the library's rule without loading the waiter at start-up.
 */
export function isValidToken(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= TOKEN_MAX_LENGTH && TOKEN_PATTERN.test(value);
}
