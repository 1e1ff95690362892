import { invalidParameters } from './serviceError.js';

/** Items when a request gives no PageSize (or 0). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * One page of `items`. Page tokens are opaque to callers; here they carry the offset and the list
 * they belong to, so a token from another list is refused like the service refuses a bad token.
 */
export function page<T>(items: T[], scope: string, pageToken: string | undefined, pageSize: number | undefined): { items: T[]; nextPageToken?: string } {
  const size = pageSize === undefined || pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
  const offset = pageToken === undefined || pageToken === '' ? 0 : decode(pageToken, scope);
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: slice, nextPageToken: encode(scope, next) } : { items: slice };
}

function encode(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset }), 'utf8').toString('base64url');
}

function decode(token: string, scope: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && 's' in parsed && 'o' in parsed) {
      const { s, o } = parsed;
      if (s === scope && typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
    }
  } catch {
    // fall through to the service's answer for a bad token
  }
  throw invalidParameters('The page token is not valid.');
}
