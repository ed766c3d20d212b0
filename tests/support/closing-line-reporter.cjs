// Ends every jest run with one plain line, "jest: N passed, N failed, N skipped",
// the closing line CI reads to tell a run that tested something from one that did not.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stderr.write(`jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}

module.exports = ClosingLineReporter;
