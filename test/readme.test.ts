// The README and docs/ are what users read: keep the CLI help text and the commands in step with the code.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
const docsDir = new URL('../docs/', import.meta.url);
const docs = existsSync(docsDir)
  ? await Promise.all((await readdir(docsDir)).filter((f) => f.endsWith('.md')).map((f) => readFile(new URL(f, docsDir), 'utf8')))
  : [];

test.each(['root', 'wait', 'status'])('README or a docs/ page shows the exact --help text of %s', async (name) => {
  const help = (await readFile(new URL(`./cli/help/${name}.txt`, import.meta.url), 'utf8')).trimEnd();
  const pages = [readme, ...docs];
  expect(pages.some((page) => page.includes(help)) ? help : pages.join('\n\n')).toContain(help);
});

test('README shows the two commands of a fresh machine and the CI test command', async () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
  // .ci/run runs the README's test command as written (its output captured for the per-Node summary).
  const ci = await readFile(new URL('../.ci/run', import.meta.url), 'utf8');
  expect(ci).toMatch(/^\s*npm test( [|2>].*)?$/m);
});

test('every example file the README names exists', async () => {
  const named = [...readme.matchAll(/`(examples\/[\w./-]+)`/g)].map((match) => match[1] ?? '');
  expect(named.length).toBeGreaterThan(3);
  for (const path of new Set(named)) {
    await expect(readFile(new URL(`../${path}`, import.meta.url), 'utf8')).resolves.toBeDefined();
  }
});
