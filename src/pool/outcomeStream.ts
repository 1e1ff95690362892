import type { PoolOutcome } from './types.js';

/** An async iterator fed by the pool: buffers outcomes until read, ends when the pool says so. */
export class OutcomeStream implements AsyncIterableIterator<PoolOutcome> {
  private readonly buffer: PoolOutcome[] = [];
  private readonly readers: Array<(result: IteratorResult<PoolOutcome>) => void> = [];
  private done = false;

  constructor(private readonly onReturn: () => void) {}

  push(outcome: PoolOutcome): void {
    if (this.done) return;
    const reader = this.readers.shift();
    if (reader !== undefined) reader({ value: outcome, done: false });
    else this.buffer.push(outcome);
  }

  finish(): void {
    this.done = true;
    for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
    this.onReturn();
  }

  next(): Promise<IteratorResult<PoolOutcome>> {
    const value = this.buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.readers.push(resolve));
  }

  /** Stop reading early (a `break` in for await). */
  return(): Promise<IteratorResult<PoolOutcome>> {
    this.buffer.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
