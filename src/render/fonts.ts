import { createRequire } from 'node:module';

// The TTFs ship in an npm package, so resolve them like a module: works from any working directory.
const require = createRequire(import.meta.url);

/** Noto Sans covers ₹, ৳ and the other marks a merchant may use, unlike the PDF standard fonts. */
export const FONT_FILES: { readonly regular: string; readonly bold: string } = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};
