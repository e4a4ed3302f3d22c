import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Actor } from '../src/domain/actor.js';
import { fingerprintOf } from '../src/domain/idempotency/fingerprint.js';
import { ENTRY_TYPES, type EntryType } from '../src/domain/ledger/ledger-entry.entity.js';
import type { BotContext } from './context.js';
import { StaleButton } from './errors.js';
import { clip } from './format.js';
import { cancelButton, entryOptionButton } from './keyboards/buttons.js';
import { undoKeyboard } from './keyboards/undo.js';
import type { EntryOption, EntryTarget, Question } from './resolve-entry.js';
import { balanceSentence, entryDay, entryWhat } from './texts.js';

/** A line's reading with its type: what a press posts. `type` null: the merchant has yet to say gave or got. */
export type ChatEntry = EntryOption & { type: EntryType | null };

const target = z.union([z.object({ customerId: z.number().int().positive(), name: z.string() }), z.object({ create: z.string() })]);
const chatEntry = z.object({ target, amount: z.number().int().positive(), date: z.string().nullable(), note: z.string(), type: z.enum(ENTRY_TYPES).nullable() });
export const entryOptions = z.array(chatEntry);

// What the idempotency store keeps, so a replay answers exactly as the first time.
export const postedSchema = z.object({
  customerId: z.number(),
  customerName: z.string(),
  entryId: z.number(),
  type: z.enum(ENTRY_TYPES),
  amount: z.number(),
  note: z.string(),
  date: z.string(),
  balance: z.number(),
});
export type Posted = z.infer<typeof postedSchema>;

/** Pressing "Add X" when several customers named X exist by now: the bot asks which, again. */
class NameTakenMeanwhile extends Error {
  constructor(readonly customers: Array<{ id: number; name: string }>) {
    super('several customers have that name now');
  }
}

/**
 * Posts a chat entry exactly once per key (the message, or the line of it): a replay answers as the
 * first time, another answer to the same question is refused. "Add X" is re-checked when it posts:
 * a customer named X by then is used rather than doubled. A question that asked is closed in the same
 * transaction, so a press races no Cancel.
 */
export async function postOnce(
  ctx: BotContext,
  actor: Actor,
  key: string,
  entry: ChatEntry & { type: EntryType },
  request: unknown,
  choiceId: string | null,
): Promise<{ replayed: boolean; result: Posted }> {
  const { services } = ctx;
  return services.idempotency.run({ ownerId: actor.ownerId, key, fingerprint: fingerprintOf({ via: 'telegram', request }) }, postedSchema, async () => {
    if (choiceId !== null && !(await ctx.state.choices.close(choiceId, String(ctx.chat?.id ?? ''), 'used'))) throw new StaleButton('choice-used');
    const customerId = await targetId(ctx, actor, entry.target);
    const posted = await services.ledger.post(actor, customerId, {
      type: entry.type,
      amountMinor: entry.amount,
      note: entry.note,
      entryDate: entry.date ?? undefined,
    });
    return {
      customerId,
      customerName: posted.customerName,
      entryId: posted.entry.id,
      type: entry.type,
      amount: posted.entry.amount,
      note: posted.entry.note,
      date: posted.entry.entryDate,
      balance: posted.totals.balance,
    };
  }, { plain: true });
}

async function targetId(ctx: BotContext, actor: Actor, to: EntryTarget): Promise<number> {
  if ('customerId' in to) return to.customerId;
  const [same = []] = [...(await ctx.services.customers.withNames(actor, [to.create])).values()];
  const [only] = same;
  if (same.length > 1) throw new NameTakenMeanwhile(same);
  return only ? only.id : (await ctx.services.customers.create(actor, { name: to.create })).id;
}

/** The reply to a post: what was recorded, the balance, and an Undo button. */
export function postedReply(ctx: BotContext, replayed: boolean, r: Posted, today: string) {
  const vars = {
    what: entryWhat(ctx, r.type, r.amount),
    name: r.customerName,
    note: r.note ? ` (${clip(r.note, 200)})` : '',
    date: r.date !== today ? ctx.t('entry-on-date', { date: entryDay(ctx, r.date) }) : '',
  };
  const text = `${ctx.t(replayed ? 'already-recorded' : 'recorded', vars)}\n${balanceSentence(ctx, r.customerName, r.balance)}`;
  return { text, keyboard: undoKeyboard(ctx, r.customerId, r.entryId) };
}

/** " · rice · 2026-11-30": what else a button's reading carries. */
function extra(o: ChatEntry, today: string): string {
  return `${o.note ? ` · ${clip(o.note, 24)}` : ''}${o.date && o.date !== today ? ` · ${o.date}` : ''}`;
}

export function optionLabel(ctx: BotContext, o: ChatEntry, today: string): string {
  const vars = { amount: ctx.money(o.amount), extra: extra(o, today) };
  return 'customerId' in o.target
    ? ctx.t('button-option-customer', { ...vars, name: clip(o.target.name, 30) })
    : ctx.t('button-option-add', { ...vars, name: clip(o.target.create, 30) });
}

/** Asks which reading was meant: a stored question with a button per reading, and Cancel. Nothing is posted. */
export async function askEntry(ctx: BotContext, actor: Actor, key: string, options: ChatEntry[], question: Question, today: string): Promise<void> {
  const id = await openEntryChoice(ctx, actor, key, options);
  const keyboard = new InlineKeyboard();
  options.forEach((o, i) => keyboard.text(optionLabel(ctx, o, today), entryOptionButton.pack({ id, option: i, type: '-' })).row());
  keyboard.text(ctx.t('button-cancel'), cancelButton.pack({ id }));
  await ctx.reply(ctx.t(question.key, question.vars), { reply_markup: keyboard });
}

export const openEntryChoice = (ctx: BotContext, actor: Actor, key: string, options: ChatEntry[]) =>
  ctx.state.choices.open({ chatId: String(ctx.chat?.id ?? ''), ownerId: actor.ownerId, apiTokenId: actor.tokenId ?? 0, kind: 'entry', key, options });

/** "You gave 500.00 to Alice" / "You got 500.00 from Alice", for a reading whose type is still open. */
export function gaveOrGotKeyboard(ctx: BotContext, id: string, option: number, o: ChatEntry): InlineKeyboard {
  const name = clip('customerId' in o.target ? o.target.name : o.target.create, 30);
  return new InlineKeyboard()
    .text(ctx.t('button-gave', { amount: ctx.money(o.amount), name }), entryOptionButton.pack({ id, option, type: 'c' }))
    .row()
    .text(ctx.t('button-got', { amount: ctx.money(o.amount), name }), entryOptionButton.pack({ id, option, type: 'd' }))
    .row()
    .text(ctx.t('button-cancel'), cancelButton.pack({ id }));
}

export { NameTakenMeanwhile };
