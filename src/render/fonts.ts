import { createRequire } from 'node:module';

// The TTFs ship in npm packages, so resolve them like a module: works from any working directory.
const require = createRequire(import.meta.url);

type Weights = { readonly regular: string; readonly bold: string };

const notoSans = (name: string, file: string): Weights => ({
  regular: require.resolve(`@expo-google-fonts/${name}/400Regular/${file}_400Regular.ttf`),
  bold: require.resolve(`@expo-google-fonts/${name}/700Bold/${file}_700Bold.ttf`),
});

/**
 * Noto Sans covers ₹ and the other marks a merchant may use, unlike the PDF standard fonts; Noto Sans
 * Bengali (with ৳) and Noto Sans Devanagari carry those scripts' conjuncts, shaped by fontkit or the browser.
 */
export const FONT_FILES: Weights & { readonly bengali: Weights; readonly devanagari: Weights } = {
  ...notoSans('noto-sans', 'NotoSans'),
  bengali: notoSans('noto-sans-bengali', 'NotoSansBengali'),
  devanagari: notoSans('noto-sans-devanagari', 'NotoSansDevanagari'),
};

/** The fonts the share page serves under /s/assets/fonts/ (a phone or a Debian Chromium may have none for these scripts). */
export const PAGE_FONT_FILES: ReadonlyMap<string, string> = new Map([
  ['noto-sans-bengali-400.ttf', FONT_FILES.bengali.regular],
  ['noto-sans-bengali-700.ttf', FONT_FILES.bengali.bold],
  ['noto-sans-devanagari-400.ttf', FONT_FILES.devanagari.regular],
  ['noto-sans-devanagari-700.ttf', FONT_FILES.devanagari.bold],
]);
