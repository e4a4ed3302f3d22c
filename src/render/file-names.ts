/**
 * A name as part of a file name: letters, their marks (Bengali and Devanagari vowel signs) and digits
 * of any script kept, anything else a dash.
 */
export function fileNamePart(name: string): string {
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'customer';
}

/**
 * As fileNamePart, in ASCII only (a name in another script becomes `customer-<id>`): for uploads to
 * Telegram, whose multipart file name grammY writes unquoted, where only plain characters are safe.
 */
export function asciiFileNamePart(name: string, id: number): string {
  const slug = fileNamePart(name);
  return /^[A-Za-z0-9-]+$/.test(slug) ? slug : `customer-${id}`;
}
