import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { BotContext } from './context.js';
import { telegramLanguage } from './middlewares/style.js';

const LOCALES = fileURLToPath(new URL('./locales', import.meta.url));

/**
 * Every reply, button and command description comes from bot/locales (Fluent, through grammY's i18n
 * plugin). Placeables are not wrapped in Unicode isolation marks: Telegram shows them, and our
 * languages are written left to right.
 */
export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: 'en',
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    // Until the chat's own choice is read (loadStyle), its user's Telegram language when it is one of ours.
    localeNegotiator: (ctx) => telegramLanguage(ctx.from?.language_code),
  });
  i18n.loadLocalesDirSync(LOCALES);
  return i18n;
}
