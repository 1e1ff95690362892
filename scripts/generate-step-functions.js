// Writes examples/step-functions from the generators (run after a build: npm run generate:step-functions).
// A test fails when the files on disk differ from what this would write.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEP_FUNCTIONS_EXAMPLES_DIR, stepFunctionsExampleFiles } from '../dist/workflow/examples.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, STEP_FUNCTIONS_EXAMPLES_DIR);
const files = stepFunctionsExampleFiles();
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (!(name in files) && name !== 'README.md') rmSync(join(dir, name));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${Object.keys(files).length} files to ${STEP_FUNCTIONS_EXAMPLES_DIR}\n`);
