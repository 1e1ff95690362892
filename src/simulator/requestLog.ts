import type { RequestLogEntry } from './types.js';

/** Entries kept; older ones are dropped so a long-running simulator does not grow without bound. */
export const MAX_LOG_ENTRIES = 100_000;

/** API calls in arrival order; an entry is visible once its answer (or reset) has been sent. */
export class RequestLog {
  private entries: Array<{ entry: RequestLogEntry; done: boolean }> = [];

  /** Records an arrival; call the returned function with the status and outcome when answered. */
  begin(time: number): (fields: Omit<RequestLogEntry, 'time'>) => void {
    const record = { entry: { operation: '', time, httpStatus: 0, outcome: '' } as RequestLogEntry, done: false };
    this.entries.push(record);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    return (fields) => {
      if (record.done) return;
      Object.assign(record.entry, fields);
      record.done = true;
    };
  }

  list(): RequestLogEntry[] {
    return this.entries.filter((r) => r.done).map((r) => ({ ...r.entry }));
  }

  /** Forgets every entry; returns how many were answered. */
  clear(): number {
    const count = this.entries.filter((r) => r.done).length;
    this.entries = [];
    return count;
  }
}
