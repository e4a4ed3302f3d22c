/** The largest JSON body the API reads; larger ones are a 413 before anything parses them. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
export const JSON_BODY_LIMIT_TEXT = `${JSON_BODY_LIMIT_BYTES / 1024} KiB`;
