/** A name as part of a file name: letters and digits of any script kept, anything else a dash. */
export function fileNamePart(name: string): string {
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'customer';
}
