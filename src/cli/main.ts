import { readFileSync } from 'node:fs';
import { ExitCode } from './exitCodes.js';
import { redact } from '../redact.js';
import type { CliEnv, CliIo } from './io.js';
import { defaultLibrary, type CliLibrary } from './library.js';
import { parseCommandLine } from './parse.js';
import { runInvocation } from './run.js';
import type { ShareCliLibrary } from './shareLibrary.js';
import { defaultApplyLibrary, type ApplyCliLibrary } from './applyLibrary.js';
import { runApply } from './runApply.js';

/** Injectable dependencies of `main` (tests pass a fake library; the bin passes nothing). */
export interface MainDependencies {
  /** @default the package's own waiter and status check, imported on first use */
  library?: CliLibrary;
  /** @default the package's share operations, imported on first use */
  shareLibrary?: ShareCliLibrary;
  /** @default the package's plan reader and applyPlan, imported on first use */
  applyLibrary?: ApplyCliLibrary;
}

function packageVersion(): string {
  // src/cli/ and dist/cli/ both sit two levels below package.json.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  const version = parsed !== null && typeof parsed === 'object' ? (parsed as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}

/**
 * The `portfolio-share` command: parse `argv` (without node and the script), run it and resolve with
 * the exit code. Never calls `process.exit` and never touches the process except through `io`.
 */
export async function main(argv: readonly string[], env: CliEnv, io: CliIo, dependencies: MainDependencies = {}): Promise<number> {
  const parsed = parseCommandLine(argv, env, packageVersion());
  if (parsed.kind === 'exit') {
    if (parsed.stdout) io.stdout.write(parsed.stdout);
    if (parsed.stderr) io.stderr.write(parsed.stderr);
    return parsed.exitCode;
  }
  if (parsed.invocation.command === 'state-machine') {
    // Calls nothing: the generator is imported here only, so no other command (nor --help) loads it.
    const { generateStateMachine } = await import('../workflow/definitions.js');
    const { iamPolicy } = await import('../workflow/iamPolicy.js');
    const definition = generateStateMachine(parsed.invocation.spec);
    io.stdout.write(`${JSON.stringify(parsed.invocation.iamPolicy ? iamPolicy(definition) : definition, null, 2)}\n`);
    return ExitCode.OK;
  }
  try {
    if (parsed.invocation.command === 'apply') {
      return await runApply(parsed.invocation, env, io, dependencies.library ?? defaultLibrary, dependencies.applyLibrary ?? defaultApplyLibrary);
    }
    return await runInvocation(parsed.invocation, env, io, dependencies.library ?? defaultLibrary, dependencies.shareLibrary);
  } catch (error) {
    // A bug or a broken environment, not a share outcome: say so on one line, exit as a failed call.
    io.stderr.write(`error: unexpected failure: ${redact(error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    return ExitCode.API_ERROR;
  }
}
