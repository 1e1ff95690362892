import type { MachineScheduleOptions } from './machineSchedule.js';

/** The share action a machine makes before it waits. */
export type ShareAction = 'create' | 'update' | 'delete';
export const SHARE_ACTIONS: readonly ShareAction[] = ['create', 'update', 'delete'];

/** Options of every generated machine; times in seconds, named as in the waiter's configuration. */
export interface WaitMachineOptions extends MachineScheduleOptions {
  /** Longest wait for one share, in seconds, counted from its first check. @default 600 */
  maxWaitTime?: number | undefined;
  /** Seconds after the first check during which ResourceNotFoundException means "not visible yet". @default 30 */
  notFoundGraceSeconds?: number | undefined;
  /** Succeed on COMPLETED_WITH_ERRORS. @default false */
  acceptPartialSuccess?: boolean | undefined;
  /** Succeed when the share errors are all DuplicateResourceException. @default true */
  tolerateDuplicates?: boolean | undefined;
}

/** {@link WaitMachineOptions} with every default filled in. */
export interface ResolvedWaitOptions extends MachineScheduleOptions {
  maxWaitTime: number;
  notFoundGraceSeconds: number;
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
}

/** Default of `maxWaitTime`, as the CLI's `--timeout`. */
export const DEFAULT_MACHINE_MAX_WAIT_TIME = 600;
/** Default of `notFoundGraceSeconds`, as the waiter's. */
export const DEFAULT_MACHINE_NOT_FOUND_GRACE_SECONDS = 30;

function seconds<T extends number | undefined>(name: string, value: number | undefined, fallback: T, allowZero: boolean): number | T {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(`${name} must be a finite number of seconds ${allowZero ? '(0 or more)' : 'greater than 0'}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Check the options (a TypeError names the option and the value) and fill in the defaults. */
export function resolveWaitOptions(options: WaitMachineOptions = {}): ResolvedWaitOptions {
  const maxWaitTime = seconds('maxWaitTime', options.maxWaitTime, DEFAULT_MACHINE_MAX_WAIT_TIME, false);
  if (maxWaitTime > 31_536_000) throw new TypeError(`maxWaitTime must be at most a year (31536000 s), the longest a Standard execution runs, got ${maxWaitTime}`);
  return {
    maxWaitTime,
    notFoundGraceSeconds: seconds('notFoundGraceSeconds', options.notFoundGraceSeconds, DEFAULT_MACHINE_NOT_FOUND_GRACE_SECONDS, true),
    acceptPartialSuccess: options.acceptPartialSuccess ?? false,
    tolerateDuplicates: options.tolerateDuplicates ?? true,
    minDelay: seconds('minDelay', options.minDelay, undefined, false),
    maxDelay: seconds('maxDelay', options.maxDelay, undefined, false),
  };
}
