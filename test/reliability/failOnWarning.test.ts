import { runInThisContext } from 'node:vm';

const take = (globalThis as { takeProcessWarnings?: () => Promise<Error[]> }).takeProcessWarnings;

// The set-up in test/support/failOnWarning.ts fails any test during which Node emits a warning.
describe('the no-warning set-up', () => {
  it('is installed for every test', () => {
    expect(take).toEqual(expect.any(Function));
    expect((runInThisContext('process') as NodeJS.Process).listeners('warning').some((listener) => listener.name === 'record')).toBe(true);
  });

  it('records a warning Node emits during a test (which would fail it unless taken back, as here)', async () => {
    // Node prints this one on stderr too: it says where it comes from.
    process.emitWarning('emitted on purpose by test/reliability/failOnWarning.test.ts', 'DeliberateTestWarning');
    const warnings = (await take?.()) ?? [];
    expect(warnings.map((w) => w.name)).toEqual(['DeliberateTestWarning']);
  });
});
