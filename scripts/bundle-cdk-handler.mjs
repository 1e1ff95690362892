// Bundles the OrganizationPortfolioShare custom-resource handlers (onEvent, isComplete) with their
// dependencies (the AWS SDK client, p-retry, pino) into one CommonJS file, so the construct deploys
// them as a Lambda asset with nothing for the user to bundle. Run by `npm run build`.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cdk', 'handler-bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'cdk', 'handler', 'index.ts')],
  outfile: join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
// The package is ESM ("type": "module"); this folder is CommonJS, here and in the Lambda asset.
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
