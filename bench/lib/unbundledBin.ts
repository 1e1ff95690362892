// The CLI's bin as it was before the bundle: tsc's unbundled dist/cli/main.js and io.js, loaded file by
// file. bench:cli runs it beside the bundled bin so "no slower than before" is measured in one run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const cli = new URL('../../../dist/cli/', import.meta.url);
const { main } = (await import(new URL('main.js', cli).href)) as { main: (argv: string[], env: NodeJS.ProcessEnv, io: unknown) => Promise<number> };
const { processIo } = (await import(new URL('io.js', cli).href)) as { processIo: () => unknown };
const exitCode = await main(process.argv.slice(2), process.env, processIo());
process.exitCode = exitCode;
setTimeout(() => process.exit(exitCode), 2000).unref();
