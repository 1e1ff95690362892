/** The CLI's exit codes (the table in `--help`). A documented table, not whatever an exception produced. */
export const ExitCode = {
  /** COMPLETED (or partial success accepted, or only duplicate-account errors). */
  OK: 0,
  /** The share finished COMPLETED_WITH_ERRORS or ERROR. */
  SHARE_FAILED: 1,
  /** Usage error / invalid input; nothing was called. */
  USAGE: 2,
  /** The wait timed out; the last status was printed. */
  TIMEOUT: 3,
  /** API error: not found, access denied, credentials, region, unsupported, anything else that failed the call. */
  API_ERROR: 4,
  /** `status` only: the share is still NOT_STARTED or IN_PROGRESS. */
  IN_PROGRESS: 5,
  /** Interrupted by SIGINT (after a clean abort). */
  SIGINT: 130,
  /** Interrupted by SIGTERM (after a clean abort). */
  SIGTERM: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Severity of each code when several tokens finish differently: the worst one becomes the process's
 * exit code. Interrupted > usage > API error > timeout > share failed > still in progress > ok.
 */
const severity: Record<ExitCodeValue, number> = {
  0: 0,
  5: 1,
  1: 2,
  3: 3,
  4: 4,
  2: 5,
  130: 6,
  143: 7,
};

/** The worst of several exit codes (0 for none). */
export function worstExitCode(codes: readonly ExitCodeValue[]): ExitCodeValue {
  let worst: ExitCodeValue = ExitCode.OK;
  for (const code of codes) if (severity[code] > severity[worst]) worst = code;
  return worst;
}
