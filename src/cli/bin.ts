#!/usr/bin/env node
// Thin shell: everything testable lives in main(). scripts/bundle-cli.mjs bundles the CLI into one
// CommonJS file and sets __CLI_BUNDLE__ to its name (which holds its content hash); this loads it
// through V8's code cache (codeCache.ts) and runs it.
import { fileURLToPath } from 'node:url';
import { codeCacheDir, loadBundle } from './codeCache.js';
import type { CliEnv } from './io.js';

declare const __CLI_BUNDLE__: string;

// Set before the bundle can load the AWS SDK, which reads it once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const argv = process.argv.slice(2);
// One cache per command: each holds the functions its command compiled. A wrong guess costs speed only.
const command = argv.find((arg) => /^(wait|status|create|update|delete|apply|state-machine)$/.test(arg)) ?? 'other';
const uid = process.getuid?.();
const loaded = loadBundle<{ run: (argv: readonly string[], env: CliEnv) => Promise<number> }>({
  bundlePath: fileURLToPath(new URL(__CLI_BUNDLE__, import.meta.url)),
  cacheKey: `${__CLI_BUNDLE__.replace(/\.cjs$/, '')}-${command}`,
  cacheDir: codeCacheDir(process.env, uid),
  uid,
});
const exitCode = await loaded.exports.run(argv, process.env);
loaded.save();
process.exitCode = exitCode;
// The answer is out; should a socket or timer still hold the event loop, do not make a pipeline wait.
setTimeout(() => process.exit(exitCode), 2000).unref();
