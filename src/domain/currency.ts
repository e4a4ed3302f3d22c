/** ISO 4217 codes this runtime knows (Intl's list): the currencies a merchant may keep the book in. */
const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
