// Every code block marked runnable in README.md and docs/*.md runs here, against the simulator, so no
// example can drift from the code. The contract a block can rely on is in docs/development.md.
import { allBlocks, codeBlocks, normalizeRun, runnableLanguage, shownOutput, type CodeBlock } from './codeBlocks.js';
import { typeCheck } from './typeCheck.js';
import { baseEnv, createSandbox, removeSandbox, runBlock, simulatorForBlock, startsOwnSimulator, type BlockRun } from './sandbox.js';

// Blocks wait for real 4-second shares and type checks load TypeScript: room for a loaded machine.
const BLOCK_TIMEOUT_MS = 120_000;
const blocks = allBlocks();
const runnable = blocks.filter((block) => runnableLanguage(block) !== undefined);
let dir: string;
let index = 0;

beforeAll(() => {
  dir = createSandbox();
});
afterAll(() => removeSandbox(dir));

async function run(block: CodeBlock): Promise<BlockRun> {
  index += 1;
  if (startsOwnSimulator(block)) return runBlock(block, dir, baseEnv(dir), index);
  const { sim, env } = await simulatorForBlock();
  try {
    return await runBlock(block, dir, { ...baseEnv(dir), ...env }, index);
  } finally {
    await sim.close();
  }
}

test('the README and the docs have runnable blocks (deleting a marker is noticed)', () => {
  const readme = runnable.filter((b) => b.file === 'README.md');
  expect(readme.map(runnableLanguage).sort()).toEqual(['bash', 'bash', 'ts']);
  expect(runnable.length).toBeGreaterThanOrEqual(7);
});

test('the README shows what its try-it block prints', () => {
  const tryIt = runnable.find((b) => b.file === 'README.md' && b.code.includes('portfolio-share-simulator'));
  expect(tryIt && shownOutput(tryIt, blocks)?.code).toContain(': COMPLETED after');
});

test('a block marked with an unknown language or option is refused, not skipped', () => {
  const odd = allBlocks().filter((b) => /\brunnable\b/.test(b.info) && runnableLanguage(b) === undefined);
  expect(odd.map((b) => `${b.file}:${b.line} ${b.info}`)).toEqual([]);
});

test.each(runnable.map((block) => [`${block.file}:${block.line} (${block.info})`, block] as const))('%s runs and exits 0, leaving no process behind', async (_name, block) => {
  const result = await run(block);
  // On failure the whole output is in the message.
  expect({ code: result.code, leftover: result.leftover, stdout: result.stdout, stderr: result.stderr }).toEqual({
    code: 0,
    leftover: false,
    stdout: expect.any(String) as unknown,
    stderr: expect.any(String) as unknown,
  });
  // The output the docs show after the block, when they show one (times and check counts may differ).
  const shown = shownOutput(block, blocks);
  if (shown !== undefined) expect(normalizeRun(result.stdout)).toBe(normalizeRun(shown.code));
}, BLOCK_TIMEOUT_MS);

describe('the harness can fail', () => {
  const block = (info: string, code: string): CodeBlock => codeBlocks(`\`\`\`${info}\n${code}\n\`\`\`\n`, 'self-test.md')[0] as CodeBlock;

  test('a failing command, a failing module and a process left behind are each caught', async () => {
    expect((await run(block('bash runnable', 'true\nfalse\necho never'))).code).toBe(1);
    expect((await run(block('ts runnable', "throw new Error('broken example');"))).code).toBe(1);
    const orphan = await run(block('bash runnable', 'sleep 30 &\necho started'));
    expect({ code: orphan.code, leftover: orphan.leftover }).toEqual({ code: 0, leftover: true });
  }, BLOCK_TIMEOUT_MS);

  test('shown output is compared with what the block printed, times and check counts aside', async () => {
    const markdown = (shown: string): string => `\`\`\`bash runnable\necho "share-x: COMPLETED after 3s (5 checks)"\n\`\`\`\n\n\`\`\`text\n${shown}\n\`\`\`\n`;
    const [same, sameOutput] = codeBlocks(markdown('share-x: COMPLETED after 1m02s (31 checks)'), 'self-test.md');
    const [other, otherOutput] = codeBlocks(markdown('share-x: ERROR after 3s (5 checks)'), 'self-test.md');
    if (!same || !sameOutput || !other || !otherOutput) throw new Error('self-test blocks not parsed');
    const printed = normalizeRun((await run(same)).stdout);
    expect(printed).toBe(normalizeRun(shownOutput(same, [same, sameOutput])?.code ?? ''));
    expect(printed).not.toBe(normalizeRun(shownOutput(other, [other, otherOutput])?.code ?? ''));
  });

  test('the type check reports a wrong import and a wrong type, with the docs line', () => {
    const broken = block('ts runnable', "import { nope } from 'portfolio-share-waiter';\nconst n: number = 'one';\nconsole.log(nope, n);");
    const problems = typeCheck([broken], dir);
    expect(problems).toEqual([expect.stringMatching(/^self-test\.md:2: .*nope/), expect.stringMatching(/^self-test\.md:3: Type 'string' is not assignable to type 'number'/)]);
  }, BLOCK_TIMEOUT_MS);

  test('a block gets the simulator and a share token, and imports the package by its name', async () => {
    const probe = await run(
      block('js runnable', "import { waitUntilPortfolioShareComplete } from 'portfolio-share-waiter';\nconsole.log(typeof waitUntilPortfolioShareComplete, process.env.AWS_ENDPOINT_URL, process.env.TOKEN);"),
    );
    expect(probe.stdout).toMatch(/^function http:\/\/127\.0\.0\.1:\d+ share-\w+\n$/);
  });
});

test('every ts runnable block type-checks (strict, NodeNext) against the built package', () => {
  const problems = typeCheck(runnable.filter((b) => runnableLanguage(b) === 'ts'), dir);
  expect(problems).toEqual([]);
}, BLOCK_TIMEOUT_MS);
