import { main } from '../../src/cli/main.js';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS } from '../../src/cli/options.js';
import { generateStateMachine } from '../../src/workflow/definitions.js';
import { iamPolicy } from '../../src/workflow/iamPolicy.js';
import { DEFAULT_MAP_MAX_CONCURRENCY } from '../../src/workflow/mapMachine.js';
import { DEFAULT_MACHINE_MAX_WAIT_TIME } from '../../src/workflow/options.js';
import { ENV, fakeIo, fakeLibrary } from './fakes.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:check-share';

describe('state-machine prints the generator\'s definition on stdout and calls nothing', () => {
  test.each([
    [[], {}],
    [['--create'], { action: 'create' }],
    [['--action', 'delete', '--query-language', 'jsonata'], { action: 'delete', queryLanguage: 'JSONata' }],
    [['--map', '--max-concurrency', '25', '--timeout', '1800'], { map: true, maxConcurrency: 25, maxWaitTime: 1800 }],
    [['--map', '--query-language', 'jsonata', '--accept-partial', '--fail-on-duplicates'], { map: true, queryLanguage: 'JSONata', acceptPartialSuccess: true, tolerateDuplicates: false }],
    [['--not-found-grace', '0', '--min-delay', '2', '--max-delay', '20'], { notFoundGraceSeconds: 0, minDelay: 2, maxDelay: 20 }],
    [['--lambda', ARN], { lambdaFunctionArn: ARN }],
  ] as const)('%j', async (args, spec) => {
    const io = fakeIo();
    const library = fakeLibrary();
    const code = await main(['state-machine', ...args], ENV, io, { library });
    expect({ code, stderr: io.err() }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(io.out())).toEqual(generateStateMachine({ maxWaitTime: DEFAULT_TIMEOUT_SECONDS, ...spec }));
    expect(library.calls()).toBe(0);
  });

  test('--iam-policy prints the policy of that machine instead', async () => {
    const io = fakeIo();
    expect(await main(['state-machine', '--action', 'update', '--iam-policy'], ENV, io, { library: fakeLibrary() })).toBe(0);
    expect(JSON.parse(io.out())).toEqual(iamPolicy(generateStateMachine({ action: 'update' })));
  });

  test('the CLI and the generator share their defaults', () => {
    expect(DEFAULT_MAX_CONCURRENCY).toBe(DEFAULT_MAP_MAX_CONCURRENCY);
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(DEFAULT_MACHINE_MAX_WAIT_TIME);
  });
});

const HINT = "Run 'portfolio-share state-machine --help' for usage.";

test.each([
  [['--create', '--action', 'delete'], 'error: --create conflicts with --action delete'],
  [['--map', '--create'], 'error: --map takes the action from each share of the plan: leave out --create and --action'],
  [['--lambda', ARN, '--map'], 'error: --lambda waits for an existing share token: it takes no --map, --create or --action'],
  [['--lambda', ARN, '--query-language', 'jsonata'], 'error: --lambda machines are JSONPath only'],
  [['--lambda', 'check-share'], "error: --lambda must be a Lambda function ARN, got 'check-share'"],
  [['--max-concurrency', '0', '--map'], "error: --max-concurrency must be a whole number from 1 to 9999, got '0'"],
  [['--max-concurrency', '5'], 'error: --max-concurrency applies to --map only'],
  [['--timeout', '40000000'], "error: --timeout must be at most a year (31536000 s), the longest a Standard execution runs, got '40000000'"],
  [['--timeout', 'soon'], "error: --timeout must be a number of seconds greater than 0, got 'soon'"],
  [['--min-delay', '9', '--max-delay', '3'], 'error: --min-delay (9) must not be greater than --max-delay (3)'],
  [['--query-language', 'yaml'], "error: option '--query-language <language>' argument 'yaml' is invalid. Allowed choices are jsonpath, jsonata."],
  [['--action', 'share'], "error: option '--action <action>' argument 'share' is invalid. Allowed choices are create, update, delete."],
])('state-machine %j is a usage error: %s', async (args, message) => {
  const io = fakeIo();
  expect(await main(['state-machine', ...args], ENV, io, { library: fakeLibrary() })).toBe(2);
  expect({ stdout: io.out(), stderr: io.err() }).toEqual({ stdout: '', stderr: `${message}\n${HINT}\n` });
});
