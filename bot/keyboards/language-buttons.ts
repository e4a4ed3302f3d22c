import { z } from 'zod';
import { LANGUAGES } from '../../src/render/local-format.js';
import { button } from './buttons.js';

/** Answer in this language from now on (/language). */
export const languageButton = button('lg', { language: String }, z.object({ language: z.enum(LANGUAGES) }));
/** Write numbers in Latin or the language's own digits (/language). */
export const digitsButton = button('dg', { digits: String }, z.object({ digits: z.enum(['latin', 'native']) }));
