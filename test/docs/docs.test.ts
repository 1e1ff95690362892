// The README is the front door and docs/ the reference: keep the help texts, commands, links and the
// files they name in step with the code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { codeBlocks, docFiles, readDoc, REPO } from './codeBlocks.js';

const readme = readDoc('README.md');
const docs = docFiles();

test('the README is a front door of at most 300 lines', () => {
  expect(readme.split('\n').length).toBeLessThanOrEqual(300);
});

test.each([
  ['root', 'docs/cli.md'],
  ['wait', 'docs/cli.md'],
  ['status', 'docs/cli.md'],
  ['create', 'docs/share-operations.md'],
  ['update', 'docs/share-operations.md'],
  ['delete', 'docs/share-operations.md'],
  ['state-machine', 'docs/step-functions.md'],
  ['apply', 'docs/apply.md'],
])('the exact --help text of %s is shown in %s', (name, page) => {
  const help = readFileSync(join(REPO, 'test', 'cli', 'help', `${name}.txt`), 'utf8');
  expect(readDoc(page)).toContain(help.trimEnd());
});

test('every `npx portfolio-share-waiter state-machine` line in docs/ runs and prints JSON', async () => {
  const { main } = await import('../../src/cli/main.js');
  const lines = docs.flatMap((file) => [...readDoc(file).matchAll(/^npx portfolio-share-waiter (state-machine[^\n>]*)/gm)].map((m) => (m[1] ?? '').trim()));
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

test('the README shows the two commands of a fresh machine and the CI test command', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
  expect(readFileSync(join(REPO, '.ci', 'run'), 'utf8')).toMatch(/^npm test( |$)/m);
});

test('every example file the README and the docs name exists', () => {
  const named = docs.flatMap((file) => [...readDoc(file).matchAll(/[`(](?:\.\.\/)?(examples\/[\w./-]*[\w-])[`)]/g)].map((m) => m[1] ?? ''));
  expect(named.length).toBeGreaterThan(5);
  for (const path of new Set(named)) expect([path, existsSync(join(REPO, path))]).toEqual([path, true]);
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  const headings = codeBlocks(markdown, '').reduce((text, block) => text.replace(block.code, ''), markdown).match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((h) => h.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
}

test('every relative link of the README and the docs leads to a file and, with #, to a heading in it', () => {
  let links = 0;
  for (const file of docs) {
    const text = readDoc(file);
    for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      links += 1;
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      expect([file, target, existsSync(join(REPO, resolved))]).toEqual([file, target, true]);
      if (anchor !== undefined && resolved.endsWith('.md')) expect([file, target, anchors(readDoc(resolved)).has(anchor)]).toEqual([file, target, true]);
    }
  }
  expect(links).toBeGreaterThan(20);
});

test('every docs page can be reached from the README', () => {
  const reached = new Set<string>(['README.md']);
  const queue = ['README.md'];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    for (const [, target = ''] of readDoc(file).matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
      const resolved = normalize(join(dirname(file), target));
      if (!reached.has(resolved) && docs.includes(resolved)) {
        reached.add(resolved);
        queue.push(resolved);
      }
    }
  }
  expect(docs.filter((file) => !reached.has(file))).toEqual([]);
});

test('the deploy-script excerpt in docs/recipes.md is the script, verbatim', () => {
  const script = readFileSync(join(REPO, 'examples', 'deploy-share.sh'), 'utf8');
  const recipes = readDoc('docs/recipes.md');
  const excerpt = codeBlocks(recipes.slice(recipes.indexOf('## Deploy script')), 'docs/recipes.md')[0];
  expect(excerpt?.info).toBe('bash');
  expect(script).toContain(excerpt?.code);
});
