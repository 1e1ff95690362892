import type { RequestLogEntry } from './types.js';

/** Entries kept; older ones are dropped so a long-running simulator does not grow without bound. */
export const MAX_LOG_ENTRIES = 100_000;

interface LogRecord {
  entry: RequestLogEntry;
  done: boolean;
}

/**
 * API calls in arrival order; an entry is visible once its answer (or reset) has been sent. A ring
 * buffer: recording a call costs the same at any size (dropping the oldest entry is an index move,
 * not a copy of the whole log), so the simulator answers as fast after a million calls as after one.
 */
export class RequestLog {
  private records: LogRecord[] = [];
  /** Index of the oldest record once the buffer is full (it then wraps around). */
  private head = 0;

  constructor(private readonly capacity: number = MAX_LOG_ENTRIES) {}

  /** Records an arrival; call the returned function with the status and outcome when answered. */
  begin(time: number): (fields: Omit<RequestLogEntry, 'time'>) => void {
    const record: LogRecord = { entry: { operation: '', time, httpStatus: 0, outcome: '' }, done: false };
    if (this.records.length < this.capacity) {
      this.records.push(record);
    } else {
      this.records[this.head] = record;
      this.head = (this.head + 1) % this.capacity;
    }
    return (fields) => {
      if (record.done) return;
      Object.assign(record.entry, fields);
      record.done = true;
    };
  }

  /** Answered entries, oldest first. */
  list(): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const n = this.records.length;
    for (let i = 0; i < n; i += 1) {
      const record = this.records[(this.head + i) % n];
      if (record?.done === true) out.push({ ...record.entry });
    }
    return out;
  }

  /** Forgets every entry; returns how many were answered. */
  clear(): number {
    const count = this.records.filter((r) => r.done).length;
    this.records = [];
    this.head = 0;
    return count;
  }
}
