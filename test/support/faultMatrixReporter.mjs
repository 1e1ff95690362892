// A jest reporter (runs in jest's main process, so its output is not decorated or swallowed): after the
// run, counts the fault matrix's cells from their actual results and prints the summary on stdout:
//   faults: N cells, N passed, N failed
//   fault kinds covered (K): …
// A cell is a test under 'fault matrix' › <fault kind>. Prints nothing when no cell ran.
export default class FaultMatrixReporter {
  onRunComplete(_contexts, results) {
    const cells = [];
    let brokenFiles = 0;
    for (const file of results.testResults) {
      const inMatrix = file.testResults.filter((test) => test.ancestorTitles[0] === 'fault matrix');
      cells.push(...inMatrix);
      if (file.testExecError && /[\\/]test[\\/]faults[\\/]/.test(file.testFilePath)) brokenFiles += 1;
    }
    if (cells.length === 0 && brokenFiles === 0) return;
    // Cells filtered out (jest -t) did not run: they are neither passed nor failed.
    const ran = cells.filter((test) => test.status === 'passed' || test.status === 'failed');
    const skipped = cells.length - ran.length;
    const passed = ran.filter((test) => test.status === 'passed').length;
    const failed = ran.length - passed + brokenFiles;
    const kinds = [...new Set(ran.map((test) => test.ancestorTitles[1]))];
    const entryPoints = [...new Set(ran.map((test) => test.title.replace(/^\S+ via /, '')))];
    process.stdout.write(
      `\nfaults: ${ran.length} cells, ${passed} passed, ${failed} failed${skipped > 0 ? ` (${skipped} not run)` : ''}\n` +
        `fault kinds covered (${kinds.length}): ${kinds.join(', ')}\n` +
        `entry points (${entryPoints.length}): ${entryPoints.join('; ')}\n`,
    );
  }
}
