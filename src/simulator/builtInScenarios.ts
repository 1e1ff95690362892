import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './scenarioError.js';

/**
 * The scenario files that ship with the package (examples/scenarios/*.json), found next to this module
 * so they resolve from an installed package as well as from a clone (dist/simulator/ and src/simulator/
 * both sit two levels below the package root).
 */
const SCENARIO_DIR = new URL('../../examples/scenarios/', import.meta.url);

/** A bare name such as `partial-failure`: lowercase letters, digits and dashes, no path separator, no extension. */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Names of the built-in scenarios, sorted (`default`, `flaky-service`, `partial-failure`, ...). */
export function builtInScenarioNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** The file path of the built-in scenario `name`, or undefined when there is none by that name. */
export function builtInScenarioPath(name: string): string | undefined {
  if (!NAME.test(name)) return undefined;
  const path = fileURLToPath(new URL(`${name}.json`, SCENARIO_DIR));
  return existsSync(path) ? path : undefined;
}

/**
 * The file to read for a `scenario` string: a built-in scenario's file for a bare name, a path as given
 * (a bare name that is an existing file in the working directory counts as a path). Throws ScenarioError
 * listing the built-in names for a bare name that is neither.
 */
export function resolveScenarioFile(value: string): string {
  if (!NAME.test(value)) return value;
  const builtIn = builtInScenarioPath(value);
  if (builtIn !== undefined) return builtIn;
  if (existsSync(value)) return value;
  throw new ScenarioError('', `a built-in scenario name (${builtInScenarioNames().join(', ')}) or the path of a scenario JSON file`, value);
}
