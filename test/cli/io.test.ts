import { processIo } from '../../src/cli/io.js';

/** Thrown by the stand-in for process.exit, which, like the real one, never returns. */
class Exited extends Error {}

describe('processIo signals', () => {
  const realExit = process.exit;
  let exits: Array<number | string | null | undefined>;
  beforeEach(() => {
    exits = [];
    process.exit = ((code?: number | string | null) => {
      exits.push(code);
      throw new Exited(String(code));
    }) as typeof process.exit;
  });
  // processIo() adds an error listener to stdout and stderr; take them off again.
  let listeners: Array<[NodeJS.WriteStream, Array<(...args: unknown[]) => void>]>;
  beforeEach(() => {
    listeners = [process.stdout, process.stderr].map((stream) => [stream, stream.listeners('error') as Array<(...args: unknown[]) => void>]);
  });
  afterEach(() => {
    process.exit = realExit;
    for (const [stream, before] of listeners) {
      for (const listener of stream.listeners('error')) {
        if (!before.includes(listener as (...args: unknown[]) => void)) stream.off('error', listener as (error: Error) => void);
      }
    }
  });

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('the first %s starts the clean abort; a second signal exits at once with %d', (signal, code) => {
    const handled: string[] = [];
    const stop = processIo().onSignal?.((s) => handled.push(s));
    try {
      process.emit(signal);
      expect(handled).toEqual([signal]);
      expect(exits).toEqual([]);
      expect(() => process.emit(signal)).toThrow(Exited);
      expect(exits).toEqual([code]);
      expect(handled).toEqual([signal]);
    } finally {
      stop?.();
    }
  });

  test('a SIGTERM after a SIGINT exits with the code of the second signal', () => {
    const stop = processIo().onSignal?.(() => {});
    try {
      process.emit('SIGINT');
      expect(() => process.emit('SIGTERM')).toThrow(Exited);
      expect(exits).toEqual([143]);
    } finally {
      stop?.();
    }
  });

  test('stops listening when asked', () => {
    const before = process.listenerCount('SIGINT');
    const stop = processIo().onSignal?.(() => {});
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    stop?.();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  test('EPIPE on stdout is ignored (a reader that went away); other stream errors still throw', () => {
    processIo();
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(() => process.stdout.emit('error', epipe)).not.toThrow();
    const other = Object.assign(new Error('write EIO'), { code: 'EIO' });
    expect(() => process.stdout.emit('error', other)).toThrow(other);
  });
});
