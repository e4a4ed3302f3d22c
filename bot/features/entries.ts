import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { todayUtc } from '../../src/domain/clock.js';
import type { EntryType } from '../../src/domain/ledger/ledger-entry.entity.js';
import { pressedChoice } from '../choice-guard.js';
import { actorOf, lineKey, type BotContext } from '../context.js';
import { StaleButton } from '../errors.js';
import { entryOptionButton } from '../keyboards/buttons.js';
import { askEntry, entryOptions, gaveOrGotKeyboard, NameTakenMeanwhile, postedReply, postOnce, type ChatEntry } from '../post-entry.js';
import { resolveEntry } from '../resolve-entry.js';

/**
 * /credit and /debit: a line posts at once only when it reads exactly one way (see resolve-entry.ts);
 * otherwise the bot asks with a button per reading. Also the answers to those questions.
 */
export function entriesFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  const command = (type: EntryType, usageKey: string) => async (ctx: BotContext) => {
    const actor = actorOf(ctx);
    const today = todayUtc(ctx.clock);
    const text = typeof ctx.match === 'string' ? ctx.match : '';
    const resolution = await resolveEntry(ctx.services, actor, text, today, usageKey);
    const key = lineKey(ctx);
    if (resolution.kind === 'ask') {
      await askEntry(ctx, actor, key, resolution.options.map((o) => ({ ...o, type })), resolution.question, today);
      return;
    }
    const entry = { ...resolution.option, type };
    const { replayed, result } = await postOnce(ctx, actor, key, entry, { direct: entry }, null);
    const { text: reply, keyboard } = postedReply(ctx, replayed, result, today);
    await ctx.reply(reply, { reply_markup: keyboard });
  };

  feature.command('credit', command('credit', 'credit-usage'));
  feature.command('debit', command('debit', 'debit-usage'));

  feature.callbackQuery(entryOptionButton.filter(), async (ctx) => {
    const { id, option, type } = entryOptionButton.read(ctx.callbackQuery.data);
    const actor = actorOf(ctx);
    const choice = await pressedChoice(ctx, actor, id, 'entry');
    const picked: ChatEntry | undefined = entryOptions.parse(choice.options)[option];
    if (!picked) throw new StaleButton('button-no-longer-valid');
    const entryType = type === 'c' ? 'credit' : type === 'd' ? 'debit' : picked.type;
    await ctx.answerCallbackQuery();
    if (entryType === null) {
      // A reading of a line without a command: now say whether you gave or got.
      await ctx.editMessageReplyMarkup({ reply_markup: gaveOrGotKeyboard(ctx, id, option, picked) });
      return;
    }
    const today = todayUtc(ctx.clock);
    try {
      const entry = { ...picked, type: entryType };
      const { replayed, result } = await postOnce(ctx, actor, choice.key, entry, { choice: id, option, type: entryType }, id);
      const { text, keyboard } = postedReply(ctx, replayed, result, today);
      await ctx.editMessageText(text, { reply_markup: keyboard });
    } catch (error) {
      if (!(error instanceof NameTakenMeanwhile)) throw error;
      // "Add X" pressed when several customers are named X by now: ask which, under a new question.
      const options = error.customers.map((c) => ({ ...picked, target: { customerId: c.id, name: c.name }, type: entryType }));
      const name = 'create' in picked.target ? picked.target.create : picked.target.name;
      await askEntry(ctx, actor, choice.key, options, { key: 'ask-same-name', vars: { name } }, today);
    }
  });

  return feature;
}
