// Bundles the CLI's bin into dist/cli/bin.js plus lazily loaded chunks beside it (npm run build runs
// this after tsc): `--help` loads only commander and the CLI's own code; `status` adds the SDK and
// pino in a few files instead of ~120. The library's entry points (dist/index.js, …) stay tsc's
// unbundled, tree-shakable output. pino runs without transports (the CLI writes through a stream).
import { build } from 'esbuild';
import { rmSync, readdirSync } from 'node:fs';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
// tsc's bin.js (and its map) are replaced; old chunks go.
for (const file of readdirSync(outdir)) if (/^chunk-.*\.js$|^bin\.js\.map$/.test(file)) rmSync(outdir + file);

await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ESM builds first: the SDK's dist-es tree-shakes down to the one client and command the CLI uses.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies bundled into ESM call require() for Node's builtins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
