import { notifyObservation } from '../src/statusChange.js';
import type { PortfolioShareResult, StatusChangeEvent } from '../src/types.js';
import type { WaitSettings } from '../src/validate.js';
import { createCapturingLogger } from './support/capturingLogger.js';

function result(status: PortfolioShareResult['status'], attempts: number, shareDetails: PortfolioShareResult['shareDetails'] = {}): PortfolioShareResult {
  return { status, token: 'share-s', portfolioId: 'port-1', organizationNodeValue: 'ou-ab12-prod0001', shareDetails, duplicateAccounts: [], attempts, elapsedSeconds: attempts };
}

describe('notifyObservation', () => {
  test('a status change: one info line and onStatusChange; every check: onProgress', () => {
    const { logger, lines } = createCapturingLogger();
    const changes: StatusChangeEvent[] = [];
    const progress: StatusChangeEvent[] = [];
    const settings = { onStatusChange: (e: StatusChangeEvent) => changes.push(e), onProgress: (e: StatusChangeEvent) => progress.push(e) } as unknown as WaitSettings;
    const first = result('NOT_STARTED', 1);
    notifyObservation(settings, logger, first, undefined);
    const second = result('NOT_STARTED', 2);
    notifyObservation(settings, logger, second, first);
    const third = result('IN_PROGRESS', 3, { SuccessfulShares: ['1', '2'], ShareErrors: [{ Accounts: ['3'] }] });
    notifyObservation(settings, logger, third, second);
    expect(changes.map((e) => [e.status, e.previousStatus])).toEqual([
      ['NOT_STARTED', undefined],
      ['IN_PROGRESS', 'NOT_STARTED'],
    ]);
    expect(progress.map((e) => e.attempts)).toEqual([1, 2, 3]);
    expect(lines.map((l) => [l.level, l.msg, l.obj.status, l.obj.successfulShares, l.obj.shareErrors])).toEqual([
      ['info', 'portfolio share status changed', 'NOT_STARTED', 0, 0],
      ['info', 'portfolio share status changed', 'IN_PROGRESS', 2, 1],
    ]);
    expect(changes[1]).toEqual({ token: 'share-s', status: 'IN_PROGRESS', previousStatus: 'NOT_STARTED', shareDetails: third.shareDetails, attempts: 3, elapsedSeconds: 3 });
  });

  test('a callback that throws is logged at warn and the other still runs', () => {
    const { logger, lines } = createCapturingLogger();
    const progress: number[] = [];
    const settings = {
      onStatusChange: () => {
        throw new TypeError('bad callback');
      },
      onProgress: (e: StatusChangeEvent) => progress.push(e.attempts),
    } as unknown as WaitSettings;
    notifyObservation(settings, logger, result('IN_PROGRESS', 1), undefined);
    expect(progress).toEqual([1]);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({ msg: 'onStatusChange threw; the wait goes on', obj: { err: expect.objectContaining({ name: 'TypeError', message: 'bad callback' }) } }),
    ]);
  });

  test('no callbacks: only the log line', () => {
    const { logger, lines } = createCapturingLogger();
    notifyObservation({} as WaitSettings, logger, result('COMPLETED', 1), undefined);
    expect(lines).toHaveLength(1);
  });
});
