// The entry of the CLI's CommonJS bundle (dist/cli/cli-<hash>.cjs, scripts/bundle-cli.mjs): bin.js
// loads it through the code cache and calls run().
import { processIo } from './io.js';
import { main } from './main.js';
import type { CliEnv } from './io.js';

/** Runs the `portfolio-share` command on the real process's streams and signals; resolves with the exit code. */
export function run(argv: readonly string[], env: CliEnv): Promise<number> {
  return main(argv, env, processIo());
}
