import { ShareCompletedWithErrorsError, ShareFailedError } from '../src/errors.js';
import { roundSeconds, toShareError } from '../src/outcome.js';

const context = { token: 'share-o', attempts: 2, elapsedSeconds: 3.14159 };

describe('toShareError', () => {
  test('names each share error, its accounts and message; unnamed parts are said so', () => {
    const error = toShareError(
      {
        status: 'ERROR',
        portfolioId: 'port-1',
        organizationNodeValue: 'ou-ab12-prod0001',
        shareDetails: { ShareErrors: [{ Accounts: ['1', '2'], Error: 'AccessDenied', Message: 'no' }, { Accounts: [] }, {}] },
      },
      ['1', '2'],
      [],
      context,
    );
    expect(error).toBeInstanceOf(ShareFailedError);
    expect(error.message).toBe(
      'Portfolio share share-o of port-1 to ou-ab12-prod0001 ended in ERROR for 2 account(s) (1, 2: AccessDenied "no"; no account named: unknown error; no account named: unknown error); fix the cause for each failed account and share again.',
    );
    expect(error).toMatchObject({ elapsedSeconds: 3.142, attempts: 2 });
  });

  test('without share errors, portfolio or node the message still reads; throttling says to share again', () => {
    const error = toShareError({ status: 'COMPLETED_WITH_ERRORS', shareDetails: {} }, ['7'], ['7'], context);
    expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
    expect(error.message).toBe(
      'Portfolio share share-o ended in COMPLETED_WITH_ERRORS for 1 account(s); the service was throttled for 7, and checking again will not help: delete the share and create it again for them.',
    );
  });
});

test('roundSeconds rounds to the millisecond', () => {
  expect(roundSeconds(3.14159)).toBe(3.142);
  expect(roundSeconds(2.9996)).toBe(3);
});
