// Ends every jest run with one plain line, "jest: N passed, N failed, N skipped",
// the closing line CI reads to tell a run that tested something from one that did not.
// Written at process exit so that it comes after jest's own summary.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once("exit", () => process.stderr.write(line));
  }
}

module.exports = ClosingLineReporter;
