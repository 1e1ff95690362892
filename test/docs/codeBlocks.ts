// Fenced code blocks of the Markdown docs, and which of them are runnable (the info string
// `bash runnable`, `sh runnable`, `ts runnable` or `js runnable`).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface CodeBlock {
  /** Path from the repository root, e.g. `docs/cli.md`. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string after the fence, e.g. `bash runnable`. */
  info: string;
  code: string;
  /** 1-based line of the closing fence. */
  endLine: number;
}

export type RunnableLanguage = 'bash' | 'sh' | 'ts' | 'js';

/** The language of a runnable block, or undefined for a block that is only shown. */
export function runnableLanguage(block: CodeBlock): RunnableLanguage | undefined {
  const match = /^(bash|sh|ts|js) runnable$/.exec(block.info);
  return match ? (match[1] as RunnableLanguage) : undefined;
}

/** Every fenced block (``` or ~~~, not indented) of one Markdown text. */
export function codeBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, fence = '', info = ''] = open;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence) && l.slice(fence.length).trim() === '');
    if (end === -1) throw new Error(`${file}:${i + 1}: code block never closed`);
    blocks.push({ file, line: i + 1, info: info.trim(), code: lines.slice(i + 1, end).join('\n') + '\n', endLine: end + 1 });
    i = end;
  }
  return blocks;
}

/** The Markdown files the runnable-docs test reads: README.md, then docs/*.md in name order. */
export function docFiles(): string[] {
  const docs = readdirSync(new URL('docs/', `file://${REPO}`))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

export function readDoc(file: string): string {
  return readFileSync(`${REPO}${file}`, 'utf8');
}

export function allBlocks(): CodeBlock[] {
  return docFiles().flatMap((file) => codeBlocks(readDoc(file), file));
}

/**
 * The output a runnable block is documented to print: a `text` block that follows it after one blank
 * line. Undefined when the docs show none.
 */
export function shownOutput(block: CodeBlock, blocks: readonly CodeBlock[]): CodeBlock | undefined {
  return blocks.find((b) => b.file === block.file && b.line === block.endLine + 2 && b.info === 'text');
}

/** What may differ between two runs of the same example: elapsed times and numbers of checks. */
export function normalizeRun(text: string): string {
  return text
    .replace(/after (\d+m)?\d+s \(\d+ checks?\)/g, 'after <time> (<n> checks)')
    .replace(/"(elapsedSeconds|attempts)": [\d.]+/g, '"$1": <n>');
}
