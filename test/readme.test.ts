// The README is what users read: keep its CLI help text and its commands in step with the code.
import { readdir, readFile } from 'node:fs/promises';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
// The reference moves to docs/ (one page a topic): a help text may be shown on any of its pages.
const docsDir = new URL('../docs/', import.meta.url);
const docPages = await Promise.all((await readdir(docsDir).catch(() => [])).filter((f) => f.endsWith('.md')).map((f) => readFile(new URL(f, docsDir), 'utf8')));

test.each(['root', 'wait', 'status'])('README or a docs/ page shows the exact --help text of %s', async (name) => {
  const help = await readFile(new URL(`./cli/help/${name}.txt`, import.meta.url), 'utf8');
  expect([readme, ...docPages].some((page) => page.includes(help.trimEnd()))).toBe(true);
});

test('README shows the two commands of a fresh machine and the CI test command', async () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
  const ci = await readFile(new URL('../.ci/run', import.meta.url), 'utf8');
  expect(ci).toMatch(/^npm test$/m);
});

test('every example file the README names exists', async () => {
  const named = [...readme.matchAll(/`(examples\/[\w./-]+)`/g)].map((match) => match[1] ?? '');
  expect(named.length).toBeGreaterThan(3);
  for (const path of new Set(named)) {
    await expect(readFile(new URL(`../${path}`, import.meta.url), 'utf8')).resolves.toBeDefined();
  }
});
