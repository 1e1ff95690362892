#!/usr/bin/env node
// Thin shell: everything testable lives in main(). Dynamic imports so the variable below is set
// before anything can load the AWS SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Node ≥ 22.1 can keep compiled code between runs; on older Nodes there is nothing to turn on.
const nodeModule = (await import('node:module')) as { enableCompileCache?: () => unknown };
try {
  nodeModule.enableCompileCache?.();
} catch {
  // A read-only or missing cache directory only costs speed.
}
const { main } = await import('./main.js');
const { processIo } = await import('./io.js');
const exitCode = await main(process.argv.slice(2), process.env, processIo());
process.exitCode = exitCode;
// The answer is out; should a socket or timer still hold the event loop, do not make a pipeline wait.
setTimeout(() => process.exit(exitCode), 2000).unref();
