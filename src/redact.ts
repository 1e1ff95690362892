/**
 * The one redaction rule of the package: everything it prints or puts in an error passes through
 * `redact` (text) or `redactValue` (data), wherever it came from — the caller's input, the SDK, or the
 * service's own messages, which quote the canonical request (session token included) when a signature
 * does not match. Free of imports, so the CLI can use it without loading the waiter.
 */

/** What a removed secret is replaced with. */
export const REDACTED = '[REDACTED]';

// A value runs until whitespace, a quote, a backslash (a JSON escape such as \n) or a separator.
const VALUE = String.raw`[^\s"'\\,;&}\]]+`;
// Not inside a longer word, except after a JSON escape such as \n (a log line holding a multi-line message).
const START = String.raw`(?:(?<=\\[nrt])|(?<![A-Za-z0-9]))`;

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization header (any scheme) to the end of its line: credential, signed headers, signature.
  [/(\bauthorization"?\s*[:=]\s*"?)[^\r\n"'\\]+/gi, `$1${REDACTED}`],
  // SigV4 parts wherever they appear (query strings, error messages).
  [new RegExp(String.raw`(\b(?:X-Amz-)?Credential=)${VALUE}`, 'gi'), `$1${REDACTED}`],
  [new RegExp(String.raw`(\b(?:X-Amz-)?Signature=)${VALUE}`, 'gi'), `$1${REDACTED}`],
  // Named secrets in headers, query strings, env-style lines, JSON and object dumps.
  [
    new RegExp(
      String.raw`(\b(?:x-amz-security-token|security[_-]?token|session[_-]?token|aws[_-]?session[_-]?token|secret[_-]?access[_-]?key|aws[_-]?secret[_-]?access[_-]?key|secret[_-]?key|access[_-]?key[_-]?id|aws[_-]?access[_-]?key[_-]?id)"?'?\s*[:=]\s*"?'?)${VALUE}`,
      'gi',
    ),
    `$1${REDACTED}`,
  ],
  // Credential scope: date/region/service/aws4_request (names the key's day and region).
  [new RegExp(String.raw`${START}\d{8}/[a-z0-9-]+/[a-z0-9-]+/aws4_request\b`, 'g'), REDACTED],
  // Access key ids (long-term AKIA, temporary ASIA and the other IAM unique-id prefixes).
  [new RegExp(String.raw`${START}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{12,28}(?![A-Za-z0-9])`, 'g'), REDACTED],
  // Session tokens by their well-known base64 prefixes, and any base64 run long enough to be one.
  [/(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9/+=]*/g, REDACTED],
  [/(?<![A-Za-z0-9/+=_-])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[0-9])[A-Za-z0-9/+]{100,}={0,2}(?![A-Za-z0-9/+=_-])/g, REDACTED],
  // Signatures and request hashes: 64 hex digits.
  [new RegExp(String.raw`${START}[0-9a-f]{64}(?![A-Za-z0-9])`, 'g'), REDACTED],
  // A secret access key on its own: 40 base64 characters mixing upper case, lower case and digits.
  [/(?<![A-Za-z0-9/+=_-])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])/g, REDACTED],
];

/** `text` with every credential, session token, signature and Authorization value replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Object keys whose value is secret whatever it looks like. */
const SECRET_KEY = /secret|password|passphrase|session_?token|security_?token|authorization|signature|private_?key|^access_?key_?id$|^credentials?$/i;

const MAX_DEPTH = 6;
const MAX_ENTRIES = 50;
const MAX_STRING = 500;

/**
 * A plain, JSON-safe and redacted copy of any value, for errors and output: strings redacted (and cut
 * at 500 characters), secret-named keys replaced, bigints as `"10n"`, functions and symbols by name,
 * cycles as `[Circular]`, depth, arrays and keys bounded. `JSON.stringify` never throws on the result.
 */
export function redactValue(value: unknown, options: { bounded?: boolean } = {}): unknown {
  const bounded = options.bounded ?? true;
  return copy(value, 0, new WeakSet<object>(), bounded ? { depth: MAX_DEPTH, entries: MAX_ENTRIES, string: MAX_STRING } : UNBOUNDED);
}

interface Limits {
  depth: number;
  entries: number;
  string: number;
}
const UNBOUNDED: Limits = { depth: 64, entries: Number.POSITIVE_INFINITY, string: Number.POSITIVE_INFINITY };

/**
 * Redact a thrown value in place (its message and stack), so an error kept as `cause` cannot carry a
 * secret either. Values that refuse the change (frozen) are left as they are.
 */
export function redactErrorInPlace(error: unknown): void {
  if (typeof error !== 'object' || error === null) return;
  const record = error as Record<string, unknown>;
  for (const key of ['message', 'Message', 'stack']) {
    const text = record[key];
    if (typeof text !== 'string') continue;
    const clean = redact(text);
    if (clean === text) continue;
    try {
      record[key] = clean;
    } catch {
      // frozen or a getter: nothing more to do
    }
  }
}

function copy(value: unknown, depth: number, seen: WeakSet<object>, limits: Limits): unknown {
  switch (typeof value) {
    case 'string': {
      // Redact first: a cut could leave part of a secret no rule recognizes.
      const clean = redact(value);
      return clean.length > limits.string ? `${clean.slice(0, limits.string)}…` : clean;
    }
    case 'number':
      return value; // NaN and ±Infinity serialize as null
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function${value.name ? `: ${value.name}` : ''}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= limits.depth) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.slice(0, limits.entries).map((item: unknown) => copy(item, depth + 1, seen, limits));
      if (object.length > limits.entries) items.push(`… ${object.length - limits.entries} more`);
      return items;
    }
    if (object instanceof Date) return Number.isFinite(object.getTime()) ? object.toISOString() : 'Invalid Date';
    if (object instanceof Error) return { name: redact(object.name), message: copy(object.message, depth + 1, seen, limits) };
    const out: Record<string, unknown> = {};
    let count = 0;
    for (const key of Object.keys(object)) {
      if (count++ >= limits.entries) {
        out['…'] = 'more keys';
        break;
      }
      let field: unknown;
      try {
        field = (object as Record<string, unknown>)[key];
      } catch {
        field = '[Unreadable]';
      }
      out[redact(key)] = SECRET_KEY.test(key) && field !== undefined && field !== null ? REDACTED : copy(field, depth + 1, seen, limits);
    }
    return out;
  } catch {
    return '[Unreadable]';
  } finally {
    seen.delete(object);
  }
}
