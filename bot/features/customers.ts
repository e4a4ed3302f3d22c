import { type Composer, InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import { z } from 'zod';
import type { Actor } from '../../src/domain/actor.js';
import { fingerprintOf } from '../../src/domain/idempotency/fingerprint.js';
import { pressedChoice } from '../choice-guard.js';
import { actorOf, lineKey, type BotContext } from '../context.js';
import { StaleButton, UsageError } from '../errors.js';
import { clip } from '../format.js';
import { addOptionButton, cancelButton, customersPageButton } from '../keyboards/buttons.js';
import { pageKeyboard, showPage } from '../pager.js';
import { quotedName, readAddLine, words } from '../parse/line.js';
import { VIEW_TTL_MS } from '../state/choices.js';
import { creditHint } from '../texts.js';

export const CUSTOMERS_PER_PAGE = 20;

const createdSchema = z.object({ id: z.number(), name: z.string(), phone: z.string() });
const addChoice = z.object({ name: z.string(), phone: z.string().nullish().transform((p) => p ?? undefined), existing: z.array(z.object({ id: z.number(), name: z.string() })) });
const customersView = z.object({ search: z.string() });

/** One page of /customers: largest balance first, names containing `search`. */
async function customersPage(ctx: BotContext, actor: Actor, search: string, page: number, viewId: string | null) {
  // No name is longer than 100 characters, so a longer search matches nothing (and is echoed clipped).
  if (search.length > 100) return { text: ctx.t('customers-none-matching', { search: clip(search, 100) }), keyboard: undefined };
  const { items, total, capped } = await ctx.services.customers.byBalance(actor, { search, limit: CUSTOMERS_PER_PAGE, offset: page * CUSTOMERS_PER_PAGE });
  if (total === 0) return { text: search ? ctx.t('customers-none-matching', { search: clip(search, 100) }) : ctx.t('customers-none'), keyboard: undefined };
  const pages = Math.ceil(total / CUSTOMERS_PER_PAGE);
  const lines = items.map((c, i) =>
    ctx.t('customer-line', { position: page * CUSTOMERS_PER_PAGE + i + 1, name: clip(c.name, 60), balance: ctx.money(c.totalCredit - c.totalDebit) }),
  );
  // A big book is not counted whole: past the count's cap the page count says so.
  const title = pages > 1 ? ctx.t('customers-title-page', { page: page + 1, pages: capped ? `${pages}+` : pages }) : ctx.t('customers-title');
  const keyboard = viewId ? pageKeyboard(ctx, page, pages, (p) => customersPageButton.pack({ id: viewId, page: p })) : undefined;
  return { text: `${title}\n${lines.join('\n')}`, keyboard, pages };
}

/** The reply to a new customer, with a command that posts to exactly them. */
const addedText = (ctx: BotContext, key: 'added' | 'already-added', c: { name: string; phone: string }) =>
  ctx.t(key, { name: clip(c.name, 100), phone: c.phone ? ` (${c.phone})` : '', hint: creditHint(c.name, ctx.style) });

async function addOnce(ctx: BotContext, actor: Actor, key: string, request: unknown, customer: { name: string; phone?: string | undefined }) {
  // Once per message line: a re-delivered /add must not create a twin customer.
  const { replayed, result } = await ctx.services.idempotency.run(
    { ownerId: actor.ownerId, key, fingerprint: fingerprintOf({ add: request }) },
    createdSchema,
    async () => {
      const c = await ctx.services.customers.create(actor, customer);
      return { id: c.id, name: c.name, phone: c.phone };
    },
  );
  return addedText(ctx, replayed ? 'already-added' : 'added', result);
}

/** /customers [search] (paged) and /add <name> [phone]. */
export function customersFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('customers', async (ctx) => {
    const actor = actorOf(ctx);
    const search = quotedName(ctx.match)?.name ?? words(ctx.match).join(' ');
    const first = await customersPage(ctx, actor, search, 0, null);
    if ((first.pages ?? 1) <= 1) return void (await ctx.reply(first.text));
    const id = await ctx.state.choices.open(
      { chatId: String(ctx.chat.id), ownerId: actor.ownerId, apiTokenId: actor.tokenId ?? 0, kind: 'customers', key: lineKey(ctx), options: { search } },
      VIEW_TTL_MS,
    );
    const page = await customersPage(ctx, actor, search, 0, id);
    await showPage(ctx, page.text, page.keyboard);
  });

  feature.callbackQuery(customersPageButton.filter(), async (ctx) => {
    const { id, page } = customersPageButton.read(ctx.callbackQuery.data);
    const actor = actorOf(ctx);
    const view = customersView.parse((await pressedChoice(ctx, actor, id, 'customers')).options);
    const shown = await customersPage(ctx, actor, view.search, page, id);
    await showPage(ctx, shown.text, shown.keyboard);
  });

  feature.command('add', async (ctx) => {
    const actor = actorOf(ctx);
    const { name, phone } = readAddLine(ctx.match);
    if (!name) throw new UsageError('add-usage');
    // Delivered again (a webhook retry, a restart): answer as the first time, whatever the book says now.
    const done = await ctx.services.idempotency.stored(actor.ownerId, lineKey(ctx), createdSchema);
    if (done) return void (await ctx.reply(addedText(ctx, 'already-added', done)));
    const [existing = []] = [...(await ctx.services.customers.withNames(actor, [name])).values()];
    if (existing.length === 0) return void (await ctx.reply(await addOnce(ctx, actor, lineKey(ctx), { name, phone }, { name, phone })));
    // The name is on the books already (written any way): use that customer, or add a second one deliberately.
    const id = await ctx.state.choices.open({
      chatId: String(ctx.chat.id),
      ownerId: actor.ownerId,
      apiTokenId: actor.tokenId ?? 0,
      kind: 'add',
      key: lineKey(ctx),
      options: { name, phone: phone ?? null, existing },
    });
    const first = await ctx.services.customers.get(actor, existing[0]?.id ?? 0);
    const keyboard = new InlineKeyboard()
      .text(ctx.t('button-use-existing', { name: clip(first.name, 30), balance: ctx.money(first.totalCredit - first.totalDebit) }), addOptionButton.pack({ id, option: 0 }))
      .row()
      .text(ctx.t('button-add-another', { name: clip(name, 30) }), addOptionButton.pack({ id, option: 1 }))
      .row()
      .text(ctx.t('button-cancel'), cancelButton.pack({ id }));
    await ctx.reply(ctx.t('add-exists', { name: clip(first.name, 100) }), { reply_markup: keyboard });
  });

  feature.callbackQuery(addOptionButton.filter(), async (ctx) => {
    const { id, option } = addOptionButton.read(ctx.callbackQuery.data);
    const actor = actorOf(ctx);
    const choice = await pressedChoice(ctx, actor, id, 'add');
    const asked = addChoice.parse(choice.options);
    await ctx.answerCallbackQuery();
    if (option === 0) {
      const [first] = asked.existing;
      if (!first) throw new StaleButton('button-no-longer-valid');
      const c = await ctx.services.customers.get(actor, first.id);
      await ctx.state.choices.close(id, String(ctx.chat?.id ?? ''), 'used');
      await ctx.editMessageText(ctx.t('add-used-existing', { name: clip(c.name, 100), balance: ctx.money(c.totalCredit - c.totalDebit), hint: creditHint(c.name, ctx.style) }));
      return;
    }
    await ctx.state.choices.close(id, String(ctx.chat?.id ?? ''), 'used');
    await ctx.editMessageText(await addOnce(ctx, actor, choice.key, { name: asked.name, phone: asked.phone, another: true }, { name: asked.name, phone: asked.phone }));
  });

  return feature;
}
