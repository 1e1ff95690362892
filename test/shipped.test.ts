// What ships (dist/ is built from src/) must make sense to users: they do not have DESIGN.md.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));

test('no shipped source cites DESIGN.md or its sections', async () => {
  const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  const citing: string[] = [];
  for (const file of files) {
    const text = await readFile(join(src, file), 'utf8');
    text.split('\n').forEach((line, i) => {
      if (/DESIGN|§\s*\d/.test(line)) citing.push(`src/${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(citing).toEqual([]);
});
