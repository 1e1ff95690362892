// Fast start: what `--help`, a usage error or the first line of `main` load must not include the AWS
// SDK, the waiter or pino. Those are imported on first use; this walks the static imports to keep it so.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Value (not `import type`) imports and re-exports of a source file. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)';/gms)) {
    const what = m[1] ?? '';
    if (what.startsWith('type ') || /^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(what)) continue;
    specs.push(m[2] ?? '');
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) specs.push(m[1] ?? '');
  return specs;
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

test('main() and everything it imports statically leave out the SDK, the waiter and pino', () => {
  const loaded = [...graph(resolve(SRC, 'cli/main.ts')), ...graph(resolve(SRC, 'cli/io.ts'))];
  expect(loaded.filter((m) => /^@aws-sdk|^@smithy|^pino|^p-retry|waitUntilPortfolioShareComplete|getPortfolioShareStatus/.test(m.replace(SRC, '')))).toEqual([]);
  expect(loaded).toContain('commander');
  expect(loaded).toContain(resolve(SRC, 'cli/run.ts'));
});

test('the walk does see a static import of the SDK where there is one', () => {
  expect(graph(resolve(SRC, 'client.ts'))).toContain('@aws-sdk/client-service-catalog');
});
