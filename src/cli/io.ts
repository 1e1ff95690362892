import { appendFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';

/** Something text can be written to: a process stream or a test buffer. */
export interface CliWriter {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (enables colors, pretty logs, the progress line). */
  isTTY?: boolean | undefined;
  /** Terminal width, when known (the progress line is cut to it). */
  columns?: number | undefined;
}

/** Signals the CLI turns into a clean abort (exit 130 / 143). */
export type CliSignal = 'SIGINT' | 'SIGTERM';

/** Everything `main` touches outside itself, so tests can pass fakes. */
export interface CliIo {
  /** Results (text or JSON) and GitHub Actions annotations. */
  stdout: CliWriter;
  /** Logs, the progress line and usage errors. */
  stderr: CliWriter;
  /**
   * Calls `handler` when SIGINT or SIGTERM arrives; returns a function that stops listening.
   * Omitted: signals are not handled (tests that do not need them).
   */
  onSignal?: ((handler: (signal: CliSignal) => void) => () => void) | undefined;
  /** Appends to a file (`$GITHUB_OUTPUT`, `$GITHUB_STEP_SUMMARY`). @default fs.promises.appendFile */
  appendFile?: ((path: string, data: string) => Promise<void>) | undefined;
  /** Milliseconds, for the progress line's elapsed time. @default Date.now */
  now?: (() => number) | undefined;
}

/** The environment as `process.env` gives it. */
export type CliEnv = Readonly<Record<string, string | undefined>>;

/** A command's clean abort: the first SIGINT or SIGTERM aborts `signal`; `stop()` stops listening. */
export interface Interruption {
  signal: AbortSignal;
  /** The signal that aborted, if one did. */
  by(): CliSignal | undefined;
  stop(): void;
}

/**
 * Listen for the first SIGINT or SIGTERM: log `warning` with the signal and abort. Later signals are
 * left to `io` (`processIo` exits at once on a second one).
 */
export function abortOnFirstSignal(io: CliIo, logger: Logger, warning: string): Interruption {
  const controller = new AbortController();
  let interruptedBy: CliSignal | undefined;
  const stopListening = io.onSignal?.((signal) => {
    if (interruptedBy !== undefined) return;
    interruptedBy = signal;
    logger.warn({ signal }, warning);
    controller.abort(new Error(`interrupted by ${signal}`));
  });
  return { signal: controller.signal, by: () => interruptedBy, stop: () => stopListening?.() };
}

/**
 * The real process: used by the bin. A reader that goes away (`portfolio-share … | head -1`) must not
 * turn the answer into a crash: EPIPE on stdout or stderr is ignored and the exit code stands.
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    onSignal(handler) {
      let received = 0;
      const on = (signal: CliSignal): void => {
        received += 1;
        // A second signal means "now": skip the clean abort.
        if (received > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
        handler(signal);
      };
      const onInt = (): void => on('SIGINT');
      const onTerm = (): void => on('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      };
    },
    appendFile: (path, data) => appendFile(path, data, 'utf8'),
    now: Date.now,
  };
}

/**
 * `writer` with every chunk passed through the package's redaction first: the CLI's outputs (results,
 * annotations, logs, the progress line) go through one of these, so no credential, session token or
 * signature reaches a terminal or a CI log, whatever echoed it.
 */
export function redactingWriter(writer: CliWriter): CliWriter {
  return {
    write: (chunk: string) => writer.write(redact(chunk)),
    get isTTY() {
      return writer.isTTY;
    },
    get columns() {
      return writer.columns;
    },
  };
}
