import { readFileSync } from 'node:fs';
import { ExitCode, worstExitCode } from '../../src/cli/exitCodes.js';
import type { ExitCodeValue } from '../../src/cli/exitCodes.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS as CLI_GRACE } from '../../src/cli/options.js';
import { DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../../src/schedule.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS as LIBRARY_GRACE } from '../../src/validate.js';
import { ENV, fakeIo, fakeLibrary } from './fakes.js';

const WAIT = "Run 'portfolio-share wait --help' for usage.";
const STATUS = "Run 'portfolio-share status --help' for usage.";
const ROOT = "Run 'portfolio-share --help' for usage.";
const T = 'share-6v24abcdefghi';

// [argv, extra environment, the one-line message, the usage hint]
const table: Array<[string[], Record<string, string>, string, string]> = [
  [[], {}, "error: missing command: use 'wait' or 'status'", ROOT],
  [['bogus'], {}, "error: unknown command 'bogus'", ROOT],
  [['wiat', T], {}, "error: unknown command 'wiat' (Did you mean wait?)", ROOT],
  [['help', 'bogus'], {}, "error: unknown command 'bogus'", ROOT],
  [['--bogus'], {}, "error: unknown option '--bogus'", ROOT],
  [['--bogus', 'wait', T], {}, "error: unknown option '--bogus'", WAIT],
  [['wait'], {}, "error: missing required argument 'token'", WAIT],
  [['status'], {}, "error: missing required argument 'token'", STATUS],
  [['status', T, 'share-other'], {}, "error: too many arguments for 'status'. Expected 1 argument but got 2.", STATUS],
  [['wait', T, '--bogus'], {}, "error: unknown option '--bogus'", WAIT],
  [['wait', T, '--timout', '5'], {}, "error: unknown option '--timout' (Did you mean --timeout?)", WAIT],
  [['wait', T, '--accept-partial=yes'], {}, "error: unknown option '--accept-partial=yes'", WAIT],
  [['status', T, '--timeout', '5'], {}, "error: unknown option '--timeout'", STATUS],
  [['wait', 'bad token'], {}, "error: invalid share token 'bad token': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)", WAIT],
  [['wait', T, 'share/2'], {}, "error: invalid share token 'share/2': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)", WAIT],
  [['wait', ''], {}, "error: invalid share token '': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)", WAIT],
  [['wait', 'a'.repeat(101)], {}, `error: invalid share token '${'a'.repeat(101)}': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)`, WAIT],
  [['status', 'share-é'], {}, "error: invalid share token 'share-é': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)", STATUS],
  [['wait', T, '--timeout', 'abc'], {}, "error: --timeout must be a number of seconds greater than 0, got 'abc'", WAIT],
  [['wait', T, '--timeout', '-5'], {}, "error: --timeout must be a number of seconds greater than 0, got '-5'", WAIT],
  [['wait', T, '--timeout', '0'], {}, "error: --timeout must be a number of seconds greater than 0, got '0'", WAIT],
  [['wait', T, '--timeout', '1e3'], {}, "error: --timeout must be a number of seconds greater than 0, got '1e3'", WAIT],
  [['wait', T, '--timeout', 'Infinity'], {}, "error: --timeout must be a number of seconds greater than 0, got 'Infinity'", WAIT],
  [['wait', T, '--timeout', ''], {}, "error: --timeout must be a number of seconds greater than 0, got ''", WAIT],
  [['wait', T, '--timeout', '10s'], {}, "error: --timeout must be a number of seconds greater than 0, got '10s'", WAIT],
  [['wait', T, '--timeout'], {}, "error: option '--timeout <seconds>' argument missing", WAIT],
  [['wait', T, '--min-delay', '0'], {}, "error: --min-delay must be a number of seconds greater than 0, got '0'", WAIT],
  [['wait', T, '--max-delay', 'x'], {}, "error: --max-delay must be a number of seconds greater than 0, got 'x'", WAIT],
  [['wait', T, '--not-found-grace', '-1'], {}, "error: --not-found-grace must be a number of seconds (0 or more), got '-1'", WAIT],
  [['wait', T, '--min-delay', '5', '--max-delay', '2'], {}, 'error: --min-delay (5) must not be greater than --max-delay (2)', WAIT],
  [['wait', T, '--output', 'xml'], {}, "error: option '--output <format>' argument 'xml' is invalid. Allowed choices are text, json.", WAIT],
  [['--output', 'yaml', 'status', T], {}, "error: option '--output <format>' argument 'yaml' is invalid. Allowed choices are text, json.", STATUS],
  [['status', T, '--log-level', 'loud'], {}, "error: option '--log-level <level>' argument 'loud' is invalid. Allowed choices are trace, debug, info, warn, error, fatal, silent.", STATUS],
  [['wait', T, '--region', 'us east 1'], {}, "error: --region must look like an AWS region (e.g. us-east-1), got 'us east 1'", WAIT],
  [['wait', T, '--profile', ''], {}, 'error: --profile must not be empty', WAIT],
  [['wait', T, '--endpoint-url', 'localhost:4566'], {}, "error: --endpoint-url must be an http:// or https:// URL, got 'localhost:4566'", WAIT],
  [['status', T, '--endpoint-url', 'ftp://example.com'], {}, "error: --endpoint-url must be an http:// or https:// URL, got 'ftp://example.com'", STATUS],
  [['wait', T], { AWS_ENDPOINT_URL: 'not a url' }, "error: AWS_ENDPOINT_URL must be an http:// or https:// URL, got 'not a url'", WAIT],
  [['status', T], { AWS_ENDPOINT_URL_SERVICE_CATALOG: '127.0.0.1:4566' }, "error: AWS_ENDPOINT_URL_SERVICE_CATALOG must be an http:// or https:// URL, got '127.0.0.1:4566'", STATUS],
];

describe('usage errors: one line, the hint, exit 2, nothing called', () => {
  test.each(table)('%j %j', async (argv, env, message, hint) => {
    const io = fakeIo();
    const library = fakeLibrary();
    const code = await main(argv, { ...ENV, ...env }, io, { library });
    expect({ code, stdout: io.out(), stderr: io.err() }).toEqual({ code: 2, stdout: '', stderr: `${message}\n${hint}\n` });
    expect(library.calls()).toBe(0);
  });
});

describe('help and version', () => {
  const file = (name: string): string => readFileSync(new URL(`./help/${name}.txt`, import.meta.url), 'utf8');

  test('the worst-outcome order in --help names every exit code, in the order worstExitCode applies', () => {
    const line = /worst outcome wins: (.+)\.$/m.exec(file('root'))?.[1] ?? '';
    const order = line.split(' > ').flatMap((group) => group.split('/').map(Number)) as ExitCodeValue[];
    expect([...order].sort((a, b) => a - b)).toEqual(Object.values(ExitCode).sort((a, b) => a - b));
    // Each code beats every code after it (143 and 130 share a rank in the text; 143 wins in code).
    order.forEach((code, i) => order.slice(i + 1).forEach((later) => expect(worstExitCode([later, code])).toBe(code)));
  });

  test.each([
    [['--help'], 'root'],
    [['-h'], 'root'],
    [['help'], 'root'],
    [['wait', '--help'], 'wait'],
    [['help', 'wait'], 'wait'],
    [['wait', T, '--timeout', '5', '-h'], 'wait'],
    [['status', '--help'], 'status'],
    [['help', 'status'], 'status'],
    [['create', '--help'], 'create'],
    [['help', 'create'], 'create'],
    [['update', '--help'], 'update'],
    [['delete', '--help'], 'delete'],
    [['delete', '--portfolio-id', 'port-x', '-h'], 'delete'],
    [['state-machine', '--help'], 'state-machine'],
    [['apply', '--help'], 'apply'],
    [['help', 'apply'], 'apply'],
    [['apply', '--file', 'plan.json', '-h'], 'apply'],
    [['help', 'state-machine'], 'state-machine'],
  ])('%j prints help/%s.txt on stdout, exit 0, nothing called', async (argv, name) => {
    const io = fakeIo();
    const library = fakeLibrary();
    const code = await main(argv, ENV, io, { library });
    expect({ code, stderr: io.err() }).toEqual({ code: 0, stderr: '' });
    expect(io.out()).toBe(file(name));
    expect(library.calls()).toBe(0);
  });

  test("the help's defaults are the library's", () => {
    expect(file('wait')).toContain(`(default: ${DEFAULT_MIN_DELAY_SECONDS})`);
    expect(file('wait')).toContain(`(default: ${DEFAULT_MAX_DELAY_SECONDS})`);
    expect(file('wait')).toMatch(new RegExp(`start \\(default: ${LIBRARY_GRACE}\\)`));
    expect(CLI_GRACE).toBe(LIBRARY_GRACE);
  });

  test('the root help lists the exit codes of DESIGN §6', () => {
    const help = file('root');
    for (const code of ['0', '1', '2', '3', '4', '5', '130', '143']) expect(help).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const argv of [['--version'], ['-V']]) {
      const io = fakeIo();
      expect(await main(argv, ENV, io, { library: fakeLibrary() })).toBe(0);
      expect(io.out()).toBe(`${pkg.version}\n`);
    }
  });
});
