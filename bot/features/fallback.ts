import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { INVALID_BUTTON } from '../keyboards/buttons.js';

/** Anything no feature handled: a hint rather than silence. */
export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: INVALID_BUTTON }));
  feature.on('message:text', (ctx) =>
    ctx.reply(
      ctx.msg.text.startsWith('/')
        ? 'I do not know that command. /help lists what I can do.'
        : 'Send me a command, for example /credit Alice 500. /help lists them all.',
    ),
  );
  feature.on('message', (ctx) => ctx.reply('I read text commands only. /help lists them.'));
  return feature;
}
