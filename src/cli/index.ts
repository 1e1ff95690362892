// The `portfolio-share-waiter/cli` entry: `main` and the types needed to call it.
export { main, type MainDependencies } from './main.js';
export type { CliEnv, CliIo, CliSignal, CliWriter } from './io.js';
export type { CliLibrary } from './library.js';
export type { ShareCliLibrary } from './shareLibrary.js';
export type { ProfileSettings } from './profile.js';
export { ExitCode, type ExitCodeValue } from './exitCodes.js';
export type { JsonReport, JsonTokenReport } from './formatJson.js';
export type { OutcomeKind } from './outcome.js';
