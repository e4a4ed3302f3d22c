/** The largest JSON body the API reads; larger ones are a 413 before anything parses them. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
export const JSON_BODY_LIMIT_TEXT = `${JSON_BODY_LIMIT_BYTES / 1024} KiB`;

/** The largest book file POST /api/import/ reads (CSV). */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
export const IMPORT_LIMIT_TEXT = '10 MiB';

/** The one route that takes a body that is not JSON: a book file, as CSV. */
export const IMPORT_PATH = /^\/api\/import\/?$/i;
