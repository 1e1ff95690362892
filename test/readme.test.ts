// The README is what users read: keep its CLI help text and its commands in step with the code.
import { readFile } from 'node:fs/promises';

import { readdirSync } from 'node:fs';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
const docsDir = new URL('../docs/', import.meta.url);
const docs = await Promise.all(readdirSync(docsDir).filter((name) => name.endsWith('.md')).map((name) => readFile(new URL(name, docsDir), 'utf8')));

// Help texts may live in the README or in a docs/ page.
test.each(['root', 'wait', 'status', 'state-machine'])('README or a docs/ page shows the exact --help text of %s', async (name) => {
  const help = await readFile(new URL(`./cli/help/${name}.txt`, import.meta.url), 'utf8');
  expect([readme, ...docs].some((text) => text.includes(help.trimEnd()))).toBe(true);
});

test('every `npx portfolio-share-waiter state-machine` line in docs/ runs', async () => {
  const { main } = await import('../src/cli/main.js');
  const lines = docs.flatMap((text) => [...text.matchAll(/^npx portfolio-share-waiter (state-machine[^\n>]*)/gm)].map((m) => (m[1] ?? '').trim()));
  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (const line of lines) {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } };
    const code = await main(line.split(/\s+/), {}, io as never);
    expect({ line, code, err }).toEqual({ line, code: 0, err: '' });
    expect(JSON.parse(out)).toBeDefined();
  }
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

test('every example file a docs/ page names exists', async () => {
  const named = docs.flatMap((text) => [...text.matchAll(/`(examples\/[\w./-]+)`/g)].map((match) => match[1] ?? ''));
  expect(named.length).toBeGreaterThan(3);
  for (const path of new Set(named)) {
    await expect(readFile(new URL(`../${path}`, import.meta.url), 'utf8')).resolves.toBeDefined();
  }
});
