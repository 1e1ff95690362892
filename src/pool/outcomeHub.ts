import { OutcomeStream } from './outcomeStream.js';
import type { PoolOutcome } from './types.js';
import type { WaitRecord } from './waitRecord.js';

/**
 * Where finished waits go: the wait's own promise, the `outcome` event, every open `results()`
 * iterator; and the count of waits still pending, which decides when the iterators end.
 */
export class OutcomeHub {
  pending = 0;
  settled = 0;
  /** No more waits will be added (end() or close()). */
  ended = false;
  private readonly streams = new Set<OutcomeStream>();

  constructor(
    private readonly emitOutcome: (outcome: PoolOutcome) => void,
    private readonly emitIdle: () => void,
  ) {}

  /** An iterator of the outcomes from now on. */
  open(): AsyncIterableIterator<PoolOutcome> {
    const stream = new OutcomeStream(() => this.streams.delete(stream));
    this.streams.add(stream);
    if (this.drained()) stream.finish();
    return stream;
  }

  end(): void {
    this.ended = true;
    if (this.drained()) this.finishStreams();
  }

  deliver(record: WaitRecord, outcome: PoolOutcome): void {
    this.pending -= 1;
    this.settled += 1;
    if (outcome.ok) record.settle?.resolve(outcome.result);
    else record.settle?.reject(outcome.error);
    record.settle = undefined;
    this.emitOutcome(outcome);
    for (const stream of this.streams) stream.push(outcome);
    if (this.pending === 0) {
      this.emitIdle();
      if (this.ended) this.finishStreams();
    }
  }

  finishStreams(): void {
    for (const stream of this.streams) stream.finish();
  }

  private drained(): boolean {
    return this.ended && this.pending === 0;
  }
}
