import type { Logger as PinoLogger } from 'pino';
import type { CliWriter } from './io.js';
import type { LogLevel } from './options.js';

/**
 * The CLI's pino logger on stderr: pretty lines on a terminal, JSON lines otherwise (CI, pipes).
 * pino-pretty runs in-process as a formatter (not a worker transport), so start-up stays fast and
 * lines come out in order with the progress line.
 */
export async function createLogger(level: LogLevel, stderr: CliWriter, pretty: boolean, color: boolean): Promise<PinoLogger> {
  // Bundled (dist/cli/bin.js), a CommonJS module may come as its default export only: take either.
  const pinoModule = await import('pino');
  const pino = pinoModule.pino ?? pinoModule.default;
  // The library logs errors under `err` as plain objects (name, message, code): pino's default `err`
  // serializer is for Error instances and would add `"type":"Object","stack":""` to each.
  const err = (value: unknown): unknown => (value instanceof Error ? pino.stdSerializers.err(value) : value);
  const options = { level, base: null, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err } };
  if (!pretty) return pino(options, { write: (line: string) => void stderr.write(line) });
  const prettyModule = await import('pino-pretty');
  const prettyFactory = prettyModule.prettyFactory ?? prettyModule.default.prettyFactory;
  const format = prettyFactory({ colorize: color, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true });
  return pino(options, { write: (line: string) => void stderr.write(format(line)) });
}
