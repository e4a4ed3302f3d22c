import { type Composer, InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { todayUtc } from '../../src/domain/clock.js';
import { messageKey, type BotContext } from '../context.js';
import { BotRefusal } from '../errors.js';
import { entryOptionButton, reverseButton } from '../keyboards/buttons.js';
import { openEntryChoice, postedSchema, type ChatEntry } from '../post-entry.js';
import { resolveEntry } from '../resolve-entry.js';
import { entryWhat, entryShort } from '../texts.js';

const ENTRY_COMMAND = /^\/(credit|debit)(?:@\w+)?(?:\s+([\s\S]*))?$/;

/**
 * An edited message changes nothing: the bot says so, offers Undo for the entry the original message
 * posted, and offers the corrected line as a new entry (a button; nothing is posted unasked).
 */
export function editsFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();
  feature.on('edited_message:text', async (ctx) => {
    const actor = ctx.actor;
    const message = ctx.editedMessage;
    if (!actor || ctx.chat.type !== 'private') return;
    const posted = await ctx.services.idempotency.stored(actor.ownerId, messageKey(ctx.chat.id, message.message_id), postedSchema);
    if (!posted) return void (await ctx.reply(ctx.t('edit-not-read')));

    const keyboard = new InlineKeyboard().text(ctx.t('button-undo'), reverseButton.pack({ customerId: posted.customerId, entryId: posted.entryId }));
    const text = [ctx.t('edit-original-posted', { what: entryWhat(ctx, posted.type, posted.amount), name: posted.customerName, entry: posted.entryId })];
    const command = ENTRY_COMMAND.exec(message.text.split('\n')[0] ?? '');
    if (command) {
      const type = command[1] === 'debit' ? 'debit' : 'credit';
      try {
        const resolution = await resolveEntry(ctx.services, actor, command[2] ?? '', todayUtc(ctx.clock), `${type}-usage`);
        if (resolution.kind === 'post') {
          const corrected: ChatEntry = { ...resolution.option, type };
          // Keyed by the edit, so the offer posts once and never collides with the original.
          const id = await openEntryChoice(ctx, actor, `${messageKey(ctx.chat.id, message.message_id)}:edit:${message.edit_date ?? 0}`, [corrected]);
          const name = 'customerId' in corrected.target ? corrected.target.name : corrected.target.create;
          keyboard.row().text(ctx.t('button-post-corrected', { what: entryShort(ctx, type, corrected.amount), name }), entryOptionButton.pack({ id, option: 0, type: '-' }));
          text.push(ctx.t('edit-offer'));
        }
      } catch (error) {
        // The corrected line does not read: Undo is still offered, and the merchant can send it anew.
        if (!(error instanceof BotRefusal)) throw error;
      }
    }
    await ctx.reply(text.join('\n'), { reply_markup: keyboard });
  });
  return feature;
}
