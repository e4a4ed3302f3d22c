/**
 * Row ids are 32-bit on PostgreSQL (serial) and never larger on SQLite: anything outside 1..2^31-1
 * names no row. The edges (path ids, button data) check this once; services trust the ids they get.
 */
export const MAX_ROW_ID = 2_147_483_647;

export function isRowId(id: unknown): id is number {
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id <= MAX_ROW_ID;
}
