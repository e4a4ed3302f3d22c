// Digits people type, by script: Bengali, Devanagari, Arabic-Indic, Extended Arabic-Indic, fullwidth.
const ZEROS = [0x09e6, 0x0966, 0x0660, 0x06f0, 0xff10];
const FULLWIDTH_PUNCTUATION: Record<string, string> = { '，': ',', '．': '.', '＋': '+', '－': '-' };

/** Native and fullwidth digits as ASCII digits ("৫০০", "५००", "٥٠٠", "５００" all become "500"); the rest unchanged. */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? (FULLWIDTH_PUNCTUATION[ch] ?? ch) : String(code - zero);
  }
  return out;
}
