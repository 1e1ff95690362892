/**
 * The logger the library writes to: the subset of pino's interface it uses, so a pino logger (or any
 * compatible object) works. Objects first, message second, errors under `err`.
 */
export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

const noop: LogFn = () => {};

/** A logger that writes nothing: the library's default. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** True when `value` has every method of {@link Logger}. */
export function isLogger(value: unknown): value is Logger {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const record = value as Record<string, unknown>;
  return [...LEVELS, 'child'].every((method) => typeof record[method] === 'function');
}

/**
 * The caller's logger, made unable to change a wait's outcome: a method that throws is ignored, and a
 * `child()` that throws or returns something that is not a logger falls back to the parent. Logging
 * is a side channel; a COMPLETED share must resolve even when the log sink is broken.
 */
export function guardLogger(logger: Logger): Logger {
  const call =
    (level: (typeof LEVELS)[number]): LogFn =>
    (...args: [object | string, string?]) => {
      try {
        (logger[level] as (...rest: unknown[]) => void)(...args);
      } catch {
        // A broken sink must not break the wait.
      }
    };
  const guarded: Logger = {
    debug: call('debug'),
    info: call('info'),
    warn: call('warn'),
    error: call('error'),
    child: (bindings) => {
      try {
        const child: unknown = logger.child(bindings);
        return isLogger(child) ? guardLogger(child) : guarded;
      } catch {
        return guarded;
      }
    },
  };
  return guarded;
}
