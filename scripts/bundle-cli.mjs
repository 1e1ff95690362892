// Bundles the CLI (npm run build runs this after tsc) into two files in dist/cli/:
// - cli-<hash>.cjs: the whole CLI as one CommonJS file (the SDK's ESM build tree-shaken down to the one
//   client and the commands the CLI uses, pino without transports, commander). Modules the CLI imports
//   on first use (the SDK, the waiter, pino, the share operations, the state-machine generator) stay in
//   lazy wrappers: `--help` runs none of their code.
// - bin.js: a small ESM shell that loads that bundle through V8's code cache (src/cli/codeCache.ts).
// CommonJS because vm.Script, the one code-cache API Node 20 has, compiles scripts, not ES modules. The
// library's entry points (dist/index.js, …) stay tsc's unbundled, tree-shakable output.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
// tsc's bin.js (and its map) are replaced; earlier bundles go.
for (const file of readdirSync(outdir)) if (/^chunk-.*\.js$|^cli-.*\.cjs$|^bin\.js\.map$/.test(file)) rmSync(outdir + file);

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
// vm.Script code has no dynamic import() (Node 20 needs an experimental flag for it). Bundled modules'
// dynamic imports become requires anyway; this turns the rest into require() too: Node's builtins, and
// optional packages that are not installed at build time (the proxy agents' `kerberos`, for Negotiate
// proxies), which then load at run time if the user has them, as they would have with import().
const dynamicByRequire = {
  name: 'dynamic-imports-by-require',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      // The require() in the stand-in module below is the real one, left to Node at run time.
      if (args.namespace === 'by-require') return { path: args.path, external: true };
      if (args.kind !== 'dynamic-import' || args.pluginData === 'resolving') return undefined;
      if (builtins.has(args.path)) return { path: args.path, namespace: 'by-require' };
      if (args.path.startsWith('.')) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return found.errors.length > 0 ? { path: args.path, namespace: 'by-require' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'by-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const bundle = await build({
  entryPoints: ['src/cli/bundleEntry.ts'],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  // ESM builds first: the SDK's dist-es tree-shakes down to the one client and command the CLI uses.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // The CLI reads ../../package.json relative to its own file: the bundle sits where main.js does.
  define: { 'import.meta.url': '__cliBundleUrl' },
  banner: { js: 'var __cliBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [dynamicByRequire],
  metafile: true,
  outfile: `${outdir}cli.cjs`,
  logLevel: 'warning',
});
for (const [, output] of Object.entries(bundle.metafile.outputs)) {
  const dynamic = output.imports.filter((i) => i.kind === 'dynamic-import');
  if (dynamic.length > 0) throw new Error(`the CLI bundle keeps dynamic imports that vm.Script cannot run: ${dynamic.map((i) => i.path).join(', ')}`);
}
const [file] = bundle.outputFiles;
const name = `cli-${createHash('sha256').update(file.contents).digest('hex').slice(0, 16)}.cjs`;
writeFileSync(outdir + name, file.contents);

await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: { __CLI_BUNDLE__: JSON.stringify(name) },
  logLevel: 'warning',
});
