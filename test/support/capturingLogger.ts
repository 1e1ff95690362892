import type { Logger } from '../../src/logger.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: Record<string, unknown>;
  obj: Record<string, unknown>;
  msg?: string | undefined;
}

/** A pino-shaped logger that keeps every line as data, with the child bindings merged in. */
export function createCapturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const log =
      (level: LogLine['level']) =>
      (objOrMsg: object | string, msg?: string): void => {
        if (typeof objOrMsg === 'string') lines.push({ level, bindings, obj: {}, msg: objOrMsg });
        else lines.push({ level, bindings, obj: { ...objOrMsg }, msg });
      };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return { logger: make({}), lines };
}
