import type { Logger as PinoLogger } from 'pino';
import type { LogFn, Logger } from '../logger.js';

/**
 * Messages of the library's log records the CLI words differently for its users. Kept in step with
 * the library by the CLI's process tests (they run the real waiter and read stderr).
 */
export const LIBRARY_MESSAGES = Object.freeze({
  /** debug, once per check inside the not-found grace (waitUntilPortfolioShareComplete). */
  notVisibleYet: 'portfolio share not visible yet',
  /** warn, before each per-call retry (describe.ts). */
  callRetrying: 'DescribePortfolioShareStatus failed transiently; retrying',
});

export interface LibraryLoggerOptions {
  /** `--not-found-grace` in effect, for the "not visible yet" line. */
  notFoundGraceSeconds: number;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

function forward(target: PinoLogger, level: Level, first: object | string, msg: string | undefined): void {
  if (typeof first === 'string') target[level](first);
  else target[level](first, msg);
}

/**
 * The logger the CLI hands the library: its pino logger, with two records re-worded for the command
 * line. The first "not visible yet" of a token becomes a warning that names `--not-found-grace` (a
 * mistyped token would otherwise wait out the grace in silence); a per-call retry is information, not
 * a warning (the retry handles it; a check that fails after its retries is still a warning, and the
 * result line says what went wrong).
 */
export function libraryLogger(target: PinoLogger, options: LibraryLoggerOptions, announced = new Set<string>(), token?: string): Logger {
  const at = (level: Level, rewrite?: (first: object | string, msg: string | undefined) => void): LogFn =>
    ((first: object | string, msg?: string) => {
      if (rewrite) rewrite(first, msg);
      forward(target, level, first, msg);
    }) as LogFn;
  const debugRewrite = (first: object | string, msg: string | undefined): void => {
    if (typeof first === 'string' || msg === undefined || !msg.startsWith(LIBRARY_MESSAGES.notVisibleYet)) return;
    const key = token ?? '';
    if (announced.has(key)) return;
    announced.add(key);
    const grace = options.notFoundGraceSeconds;
    target.warn(
      `${token ?? 'the share'} not visible yet (ResourceNotFoundException); retrying until --not-found-grace ${grace}s have passed; --not-found-grace 0 fails at once`,
    );
  };
  return {
    debug: at('debug', debugRewrite),
    info: at('info'),
    warn: ((first: object | string, msg?: string) => {
      const demote = typeof first !== 'string' && msg !== undefined && msg.startsWith(LIBRARY_MESSAGES.callRetrying);
      forward(target, demote ? 'info' : 'warn', first, msg);
    }) as LogFn,
    error: at('error'),
    child(bindings) {
      const childToken = typeof bindings.token === 'string' ? bindings.token : token;
      return libraryLogger(target.child(bindings), options, announced, childToken);
    },
  };
}
