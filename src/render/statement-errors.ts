/**
 * The footers promised "of M" pages from header.entryCount before the lines arrived; a different number
 * of lines would make every footer wrong, so the statement fails instead of shipping a wrong one.
 */
export class StatementLineCountMismatch extends Error {
  readonly code = 'statement_line_count_mismatch';
  constructor(readonly expected: number, readonly received: string) {
    super(`statement header says ${expected} lines, the lines stream gave ${received}`);
    this.name = 'StatementLineCountMismatch';
  }
}
