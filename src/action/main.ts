// The GitHub Action's entry (action.yml runs `node dist/action/main.js`): read the inputs with
// @actions/core, run the CLI's `main` for `wait`, fail the step with its exit code. The CLI writes the
// annotations, `$GITHUB_OUTPUT` (status, outcome, exit-code, result) and `$GITHUB_STEP_SUMMARY`, so
// each file has one writer; this entry writes outputs only when the CLI could not (bad inputs).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const core = await import('@actions/core');
const { ActionInputError, waitArguments } = await import('./inputs.js');
const { main } = await import('../cli/main.js');
const { processIo } = await import('../cli/io.js');

function failBeforeWaiting(message: string, exitCode: number): void {
  core.setFailed(message);
  core.setOutput('status', 'UNKNOWN');
  core.setOutput('outcome', 'invalid-input');
  core.setOutput('exit-code', String(exitCode));
  core.setOutput('result', '');
  process.exitCode = exitCode;
}

let argv: string[] | undefined;
try {
  argv = waitArguments(core);
} catch (error) {
  if (!(error instanceof ActionInputError)) throw error;
  failBeforeWaiting(error.message, 2);
}

if (argv !== undefined) {
  const io = processIo();
  const append = io.appendFile;
  let wroteOutputs = false;
  io.appendFile = async (path, data) => {
    if (path === process.env.GITHUB_OUTPUT) wroteOutputs = true;
    await append?.(path, data);
  };
  // The step summary, outputs and annotations are this command's whole point here, whatever the runner says.
  const exitCode = await main(argv, { ...process.env, GITHUB_ACTIONS: 'true' }, io);
  // A usage error (exit 2: a bad timeout, an unknown log level…) is refused before any call and
  // writes no outputs; the CLI printed the reason on stderr.
  if (!wroteOutputs) failBeforeWaiting(`portfolio-share wait refused the inputs (exit code ${exitCode}); see the message above`, exitCode);
  process.exitCode = exitCode;
  // The answer is out; should a socket or timer still hold the event loop, do not make the job wait.
  setTimeout(() => process.exit(exitCode), 2000).unref();
}
