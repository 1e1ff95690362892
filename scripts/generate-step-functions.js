// Writes examples/step-functions from the generators (run after a build: npm run generate:step-functions).
// A test fails when the files on disk differ from what this would write.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COST_END, COST_START, costDocsBlock } from '../dist/workflow/cost.js';
import { STEP_FUNCTIONS_EXAMPLES_DIR, stepFunctionsExampleFiles } from '../dist/workflow/examples.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, STEP_FUNCTIONS_EXAMPLES_DIR);
const files = stepFunctionsExampleFiles();
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (!(name in files) && name !== 'README.md') rmSync(join(dir, name));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${Object.keys(files).length} files to ${STEP_FUNCTIONS_EXAMPLES_DIR}\n`);

// The cost table of docs/step-functions.md, between its markers.
const docs = join(root, 'docs', 'step-functions.md');
if (existsSync(docs)) {
  const text = readFileSync(docs, 'utf8');
  const start = text.indexOf(COST_START);
  const end = text.indexOf(COST_END);
  if (start < 0 || end < start) throw new Error(`${docs}: the cost markers are missing`);
  writeFileSync(docs, `${text.slice(0, start)}${COST_START}\n${costDocsBlock()}\n${text.slice(end)}`);
  process.stdout.write('updated the cost table of docs/step-functions.md\n');
}
