// action.yml is what `uses: <owner>/portfolio-share-waiter@v1` runs: it must parse, declare exactly
// the inputs the entry reads, hand each to the entry as the runner would, and expose the CLI's outputs.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_INPUTS, waitArguments, type InputReader } from '../../src/action/inputs.js';
import { parseCommandLine } from '../../src/cli/parse.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;
const steps = action.runs.steps;
const entryStep = steps.find((s) => s.id === 'wait');

/** A reader that records every input name the entry asks for and answers from `values`. */
function recordingReader(values: Record<string, string>): { reader: InputReader; read: Set<string> } {
  const read = new Set<string>();
  const reader: InputReader = {
    getInput: (name) => {
      read.add(name);
      return values[name] ?? '';
    },
    getBooleanInput: (name) => {
      read.add(name);
      return values[name] === 'true';
    },
  };
  return { reader, read };
}

test('a composite action with a name, a description and described inputs and outputs', () => {
  expect(action.runs.using).toBe('composite');
  expect(action.name).toBeTruthy();
  expect(action.description).toBeTruthy();
  for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(spec.description).toBeTruthy();
  expect(action.inputs.tokens?.required).toBe(true);
});

test('every declared input is read by the entry, and the entry reads no other', () => {
  const declared = Object.keys(action.inputs);
  const { reader, read } = recordingReader({ tokens: 'share-abcdefghijk12', 'accept-partial': 'true', quiet: 'true' });
  waitArguments(reader);
  expect([...read].sort()).toEqual([...declared].sort());
  expect(ACTION_INPUTS).toEqual(declared);
});

test('the entry step receives every input as the runner names it for JavaScript actions (INPUT_, upper-cased, dashes kept)', () => {
  expect(entryStep?.run).toBe('node "$GITHUB_ACTION_PATH/dist/action/main.js"');
  const expected = Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]));
  expect(entryStep?.env).toEqual(expected);
  // The script itself never interpolates an input (values travel in the environment).
  for (const step of steps) expect(step.run ?? '').not.toContain('${{');
});

test('Node 24 is set up, the action builds itself in its own directory, and the entry it runs is what the build makes', () => {
  expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@v\d+$/) as unknown, with: { 'node-version': 24 } });
  const install = steps.find((s) => s.run?.startsWith('npm ci'));
  expect(install?.['working-directory']).toBe('${{ github.action_path }}');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.prepare).toBe('npm run build'); // npm ci runs prepare: that is what builds dist/
  for (const step of steps) if (step.run !== undefined) expect(step.shell).toBe('bash'); // composite run steps need one
  expect(existsSync(new URL('../../dist/action/main.js', import.meta.url))).toBe(true);
});

test('outputs are the four the CLI writes, taken from the entry step', () => {
  expect(Object.keys(action.outputs)).toEqual(['status', 'outcome', 'exit-code', 'result']);
  for (const [name, spec] of Object.entries(action.outputs)) expect(spec.value).toBe(`\${{ steps.wait.outputs.${name} }}`);
});

test('the defaults are values the CLI accepts, and give its documented defaults', () => {
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
  const { reader } = recordingReader({ ...defaults, tokens: 'share-abcdefghijk12' });
  const parsed = parseCommandLine(waitArguments(reader), {}, '0.0.0');
  expect(parsed).toMatchObject({
    kind: 'run',
    invocation: { command: 'wait', tokens: ['share-abcdefghijk12'], timeoutSeconds: 600, notFoundGraceSeconds: 30, acceptPartial: false, tolerateDuplicates: true, options: { output: 'text', logLevel: 'warn', quiet: false } },
  });
});
