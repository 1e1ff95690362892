// `npm start` is the README's first command: run the built demo as a user would and check that it
// shows both outcomes. It runs on the simulator's real clock (two 4 s shares), so it takes ~10 s.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

test('npm start runs the demo: one share resolves, one rejects with the structured error', async () => {
  const { stdout, stderr } = await run(process.execPath, ['dist/demo.js'], { timeout: 60_000 });
  expect(stderr).toBe('');
  expect(stdout).toMatch(/Resolved: COMPLETED after \d+ checks/);
  expect(stdout).toMatch(/IN_PROGRESS/);
  expect(stdout).toMatch(/Rejected with ShareCompletedWithErrorsError \(code SHARE_COMPLETED_WITH_ERRORS\)/);
  expect(stdout).toMatch(/"throttledAccounts": \[\s*"555555555555"\s*\]/);
}, 60_000);
