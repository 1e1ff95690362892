import { ExitCode, worstExitCode } from '../../src/cli/exitCodes.js';
import { ProgressLine, renderProgress } from '../../src/cli/progress.js';

describe('renderProgress', () => {
  test('elapsed first, then each token with its status and accounts done', () => {
    expect(
      renderProgress(
        [
          { token: 'share-a', status: 'IN_PROGRESS', accountsDone: 3 },
          { token: 'share-b', status: undefined, accountsDone: 0 },
          { token: 'share-c', status: 'COMPLETED', accountsDone: 1 },
        ],
        12.9,
        200,
      ),
    ).toBe('12s | share-a IN_PROGRESS 3 accounts done | share-b waiting | share-c COMPLETED 1 account done');
  });

  test('cut to the terminal width', () => {
    const line = renderProgress([{ token: 'share-aaaaaaaaaaaaaaaaaaaa', status: 'IN_PROGRESS', accountsDone: 0 }], 1, 20);
    expect(line).toBe('1s | share-aaaaaaaa…');
    expect(line).toHaveLength(20);
  });
});

describe('ProgressLine', () => {
  test('logs written through it clear the line first and redraw it after; stop() clears it', () => {
    let written = '';
    let now = 0;
    const stream = { write: (s: string) => (written += s), isTTY: true, columns: 100 };
    const progress = new ProgressLine(stream, ['share-a'], () => now);
    const logs = progress.wrap(stream);
    progress.start();
    now = 2000;
    progress.update({ token: 'share-a', status: 'IN_PROGRESS', shareDetails: { SuccessfulShares: ['1', '2'] }, attempts: 1, elapsedSeconds: 2 });
    logs.write('a log line\n');
    progress.stop();
    expect(written).toBe(
      [
        '\r\x1b[K0s | share-a waiting',
        '\r\x1b[K2s | share-a IN_PROGRESS 2 accounts done',
        '\r\x1b[K',
        'a log line\n',
        '\r\x1b[K2s | share-a IN_PROGRESS 2 accounts done',
        '\r\x1b[K',
      ].join(''),
    );
  });
});

describe('worstExitCode', () => {
  test('interrupted > usage > API error > timeout > share failed > in progress > ok', () => {
    const order = [ExitCode.OK, ExitCode.IN_PROGRESS, ExitCode.SHARE_FAILED, ExitCode.TIMEOUT, ExitCode.API_ERROR, ExitCode.USAGE, ExitCode.SIGINT, ExitCode.SIGTERM];
    for (let i = 1; i < order.length; i += 1) {
      const [lower, higher] = [order[i - 1] ?? 0, order[i] ?? 0] as const;
      expect(worstExitCode([higher, lower] as never)).toBe(higher);
      expect(worstExitCode([lower, higher] as never)).toBe(higher);
    }
    expect(worstExitCode([])).toBe(0);
  });
});
