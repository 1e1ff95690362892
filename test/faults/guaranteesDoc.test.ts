import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTRY_POINTS } from './entryPoints.js';
import { cliOutcome, FAULTS, FINAL_STATUSES, machineOutcome, type EntryKind, type FinalStatus, type LibraryOutcome } from './faultTable.js';

// docs/guarantees.md promises, per fault kind, what the matrix asserts: this keeps the two the same.
const doc = readFileSync(fileURLToPath(new URL('../../docs/guarantees.md', import.meta.url)), 'utf8');

function cell(outcome: LibraryOutcome, entry: EntryKind): string {
  const exit = `exit ${cliOutcome(outcome, entry).exitCode}`;
  if (outcome.kind === 'error') return `${outcome.code}${outcome.serviceErrorName !== undefined ? ` ${outcome.serviceErrorName}` : ''} (${exit})`;
  return `${outcome.status}${outcome.duplicateAccounts !== undefined ? ' (duplicates tolerated)' : ''} (${exit})`;
}

const column = (final: FinalStatus): string => (final === 'NEVER' ? 'never ends' : final);

export function guaranteesTable(): string {
  const header = ['fault kind', 'what goes wrong', ...FINAL_STATUSES.map((f) => `wait, ${column(f)}`), ...FINAL_STATUSES.map((f) => `status, ${column(f)}`)];
  const rows = FAULTS.map((fault) => [
    `\`${fault.name}\``,
    fault.what,
    ...FINAL_STATUSES.map((final) => cell(fault.expect(final, 'wait'), 'wait')),
    ...FINAL_STATUSES.map((final) => cell(fault.expect(final, 'status'), 'status')),
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** How a machine execution ends: it succeeds with a status, or ends in its Fail state with an Error (and the service error's name). */
function machineCell(outcome: LibraryOutcome): string {
  if (outcome.kind === 'error') return `fails: ${outcome.code}${outcome.serviceErrorName !== undefined ? ` ${outcome.serviceErrorName}` : ''}`;
  return `succeeds: ${outcome.status}${outcome.duplicateAccounts !== undefined ? ' (duplicates tolerated)' : ''}`;
}

/** The state machines' table: each fault kind's outcome per final status, and where it is not the library's wait's, why. */
export function machineTable(): string {
  const header = ['fault kind', ...FINAL_STATUSES.map((f) => `machine, ${column(f)}`), 'beside the library'];
  const rows = FAULTS.map((fault) => [`\`${fault.name}\``, ...FINAL_STATUSES.map((final) => machineCell(machineOutcome(fault, final))), fault.machine?.why ?? 'as the library\'s wait']);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

describe('docs/guarantees.md', () => {
  it('has the fault matrix table, row for row, with the outcomes the matrix asserts', () => {
    const table = guaranteesTable();
    if (!doc.includes(table)) {
      // Print what the page must contain, to paste after a change to the matrix.
      throw new Error(`docs/guarantees.md does not contain the matrix's table; expected:\n\n${table}\n`);
    }
  });

  it("has the state machines' table, row for row, with the outcomes the matrix asserts", () => {
    const table = machineTable();
    if (!doc.includes(table)) throw new Error(`docs/guarantees.md does not contain the machines' table; expected:\n\n${table}\n`);
  });

  it('names every fault kind and every entry point of the matrix', () => {
    for (const fault of FAULTS) expect(doc).toContain(`\`${fault.name}\``);
    for (const entry of ENTRY_POINTS) expect(doc).toContain(entry.name);
  });
});
