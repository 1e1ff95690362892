// examples/github-actions.yml cannot run here, but its command lines must be ones the CLI accepts.
import { readFileSync } from 'node:fs';
import { parseCommandLine } from '../../src/cli/parse.js';

const workflow = readFileSync(new URL('../../examples/github-actions.yml', import.meta.url), 'utf8');

/** The words after `npx portfolio-share-waiter` on each line that runs it, with shell variables filled in. */
function invocations(): string[][] {
  return workflow
    .split('\n')
    .filter((line) => /^\s*run: .*portfolio-share(-waiter)? (wait|status)/.test(line))
    .map((line) => (line.split('npx portfolio-share-waiter ')[1] ?? '').split(/\s+/).map((word) => word.replace(/^"\$\w+"$/, 'share-6v24abcdefghi')));
}

test('the example gates on `npx portfolio-share-waiter wait` (the bin named after the package) with options the CLI accepts', () => {
  const found = invocations();
  expect(found).toEqual([['wait', 'share-6v24abcdefghi', '--timeout', '900']]);
  for (const argv of found) {
    const parsed = parseCommandLine(argv, {}, '0.0.0');
    expect(parsed).toMatchObject({ kind: 'run', invocation: { command: 'wait', timeoutSeconds: 900 } });
  }
});

test('the example reads the step outputs the CLI writes', () => {
  for (const output of ['status', 'result']) expect(workflow).toContain(`steps.wait.outputs.${output}`);
  expect(workflow).toContain('.results[]');
});
