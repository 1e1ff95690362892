// Type-checks the docs' TypeScript blocks as a user's strict NodeNext project would, in the sandbox
// where the package (and so its .d.ts files) is installed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO, type CodeBlock } from './codeBlocks.js';

/** `file:line: message` for every diagnostic; empty when every block type-checks. */
export function typeCheck(blocks: readonly CodeBlock[], dir: string): string[] {
  const files = blocks.map((block, i) => {
    const path = join(dir, `typecheck-${i}.mts`);
    writeFileSync(path, block.code);
    return { path, block };
  });
  const program = ts.createProgram(
    files.map((f) => f.path),
    {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(REPO, 'node_modules', '@types')],
      skipLibCheck: true,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const source = files.find((f) => f.path === d.file?.fileName);
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const where = source ? `${source.block.file}:${source.block.line + 1 + line}` : (d.file?.fileName ?? 'tsc');
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
