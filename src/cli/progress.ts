import { accountsDoneOf } from '../shareAccounts.js';
import type { PortfolioShareStatus, StatusChangeEvent } from '../types.js';
import type { CliWriter } from './io.js';

const CLEAR_LINE = '\r\x1b[K';

interface TokenProgress {
  token: string;
  status?: PortfolioShareStatus | undefined;
  accountsDone: number;
}

/** The progress line's text (pure): the elapsed time, then status and accounts done per token. */
export function renderProgress(tokens: readonly TokenProgress[], elapsedSeconds: number, width: number): string {
  const parts = tokens.map((t) => {
    const accounts = t.accountsDone > 0 ? ` ${t.accountsDone} account${t.accountsDone === 1 ? '' : 's'} done` : '';
    return `${t.token} ${t.status ?? 'waiting'}${accounts}`;
  });
  const line = `${Math.floor(elapsedSeconds)}s | ${parts.join(' | ')}`;
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
}

/**
 * One line on a terminal's stderr, rewritten in place (`\r`) on every status change and every second.
 * Log lines written through `wrap` clear it first and draw it again after, so the two never mix.
 */
export class ProgressLine {
  private readonly tokens: TokenProgress[];
  private readonly startedAt: number;
  private shown = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly stream: CliWriter,
    tokens: readonly string[],
    private readonly now: () => number,
  ) {
    this.tokens = tokens.map((token) => ({ token, accountsDone: 0 }));
    this.startedAt = now();
  }

  start(): void {
    this.draw();
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  update(event: StatusChangeEvent): void {
    const entry = this.tokens.find((t) => t.token === event.token);
    if (!entry) return;
    entry.status = event.status;
    entry.accountsDone = accountsDoneOf(event.shareDetails);
    this.draw();
  }

  /** Remove the line for good (before the result is printed). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  /** A writer for logs that keeps the progress line below them. */
  wrap(target: CliWriter): CliWriter {
    return {
      isTTY: target.isTTY,
      write: (chunk: string) => {
        const redraw = this.shown;
        this.clear();
        target.write(chunk);
        if (redraw) this.draw();
        return true;
      },
    };
  }

  private clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }

  private draw(): void {
    const columns = this.stream.columns;
    // Some terminals (or `script`) report 0 columns: fall back to the classic 80.
    const width = (columns !== undefined && columns >= 20 ? columns : 80) - 1;
    this.stream.write(CLEAR_LINE + renderProgress(this.tokens, (this.now() - this.startedAt) / 1000, width));
    this.shown = true;
  }
}
