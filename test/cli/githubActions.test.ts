import { annotations, escapeData, escapeProperty, outputEntry, stepSummary } from '../../src/cli/githubActions.js';
import { outcomeOfStatusResult, outcomeOfWaitResult } from '../../src/cli/outcome.js';
import { result } from './fakes.js';
import { parseGithubOutput } from '../support/githubOutput.js';

describe('workflow command escaping (as @actions/core does it)', () => {
  test('data: %, CR and LF', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
  });
  test('properties also escape : and ,', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});

describe('annotations', () => {
  test('a multi-line service message stays one workflow command', () => {
    const failed = outcomeOfStatusResult(
      result('share-x', { status: 'ERROR', shareDetails: { ShareErrors: [{ Accounts: ['1'], Error: 'AccessDenied', Message: 'line one\nline two' }] } }),
      false,
    );
    expect(annotations([failed])).toBe('::error title=Portfolio share share-x::ERROR: AccessDenied on 1 account (1): line one%0Aline two\n');
  });

  test('duplicates tolerated are a warning, a plain success says nothing', () => {
    const dup = outcomeOfWaitResult(result('share-d', { duplicateAccounts: ['555555555555'] }));
    expect(annotations([dup, outcomeOfWaitResult(result('share-ok'))])).toBe(
      '::warning title=Portfolio share share-d::1 account already had the portfolio (DuplicateResourceException), tolerated: 555555555555\n',
    );
  });

  test('a status check still in progress is a notice', () => {
    expect(annotations([outcomeOfStatusResult(result('share-p', { status: 'IN_PROGRESS' }), false)])).toBe(
      '::notice title=Portfolio share share-p::share is still IN_PROGRESS\n',
    );
  });
});

describe('step summary', () => {
  test('pipes in cells are escaped so the table holds', () => {
    const o = outcomeOfWaitResult(result('share-x', { portfolioId: 'port|evil', elapsedSeconds: 1.4 }));
    expect(stepSummary('wait', [o], 0)).toBe(
      [
        '### portfolio-share wait: exit code 0',
        '',
        '| Token | Outcome | Status | Portfolio | Node | Successful accounts | Failed accounts | Elapsed |',
        '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
        '| `share-x` | ✅ completed | COMPLETED | port\\|evil | ou-ab12-prod0001 | 2 | 0 | 1s |',
        '',
        '',
      ].join('\n'),
    );
  });

  test('line breaks in a cell (a multi-line service message, CRLF too) become spaces so a row stays one line', () => {
    const failed = outcomeOfStatusResult(
      result('share-x', {
        status: 'ERROR',
        portfolioId: 'port\nx',
        shareDetails: { ShareErrors: [{ Accounts: ['1'], Error: 'Access\r\nDenied', Message: 'line one\nline two\r\nline three' }] },
      }),
      false,
    );
    expect(stepSummary('status', [failed], 1).split('\n')).toEqual([
      '### portfolio-share status: exit code 1',
      '',
      '| Token | Outcome | Status | Portfolio | Node | Successful accounts | Failed accounts | Elapsed |',
      '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
      '| `share-x` | ❌ failed | ERROR | port x | ou-ab12-prod0001 | 0 | 1 | 13s |',
      '',
      '- `share-x`: **Access Denied** on 1 account (1) — line one line two line three',
      '',
      '',
    ]);
  });
});

describe('$GITHUB_OUTPUT entries', () => {
  test('delimited as @actions/core writes them, a fresh delimiter each time, read back whole', () => {
    const one = outputEntry('result', '{"a":1}\nsecond line');
    const two = outputEntry('result', 'x');
    expect(one).toMatch(/^result<<ghadelimiter_[0-9a-f-]{36}\n\{"a":1\}\nsecond line\nghadelimiter_[0-9a-f-]{36}\n$/);
    expect(one.split('\n')[0]).not.toBe(two.split('\n')[0]);
    expect(parseGithubOutput(one + two + 'plain=kept\n')).toEqual({ result: 'x', plain: 'kept' });
    expect(parseGithubOutput(one)).toEqual({ result: '{"a":1}\nsecond line' });
  });
});
