import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { Actor } from '../../src/domain/actor.js';
import type { CustomerView } from '../../src/domain/customers/customer.service.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { clip } from '../format.js';
import { historyButton, summaryButton } from '../keyboards/buttons.js';
import { pageKeyboard, paginate, showPage } from '../pager.js';
import { pickForReading } from '../pick-customer.js';
import { documentButtons } from './statements.js';
import { asciiDigits } from '../parse/digits.js';
import { quotedName, words } from '../parse/line.js';
import { balanceSentence, entryDay, entryWhat } from '../texts.js';

export const HISTORY_DEFAULT = 10;
export const HISTORY_MAX = 50;
export const SIDE_SHOWN = 10;

async function customerSummary(ctx: BotContext, actor: Actor, customerId: number): Promise<string> {
  const c = await ctx.services.customers.withUndone(actor, customerId);
  const balance = c.totalCredit - c.totalDebit;
  // Chat totals leave undone entries and their reversals out: neither was trade (the REST summary keeps both).
  const text = ctx.t('summary-customer', {
    name: clip(c.name, 100),
    gave: ctx.money(c.totalCredit - c.totalReversed),
    got: ctx.money(c.totalDebit - c.totalReversed),
    balance: ctx.money(balance),
    phrase: balanceSentence(ctx, clip(c.name, 100), balance),
  });
  const lines = [text];
  if (c.totalReversed > 0) lines.push(ctx.t('summary-undone-left-out', { amount: ctx.money(c.totalReversed) }));
  const subscribers = await ctx.services.updates.count(actor, customerId);
  if (subscribers > 0) lines.push(ctx.t('summary-subscribers', { count: subscribers }));
  return lines.join('\n');
}

async function overallSummary(ctx: BotContext, actor: Actor): Promise<string> {
  const all = await ctx.services.ledger.overallSummary(actor);
  const net = all.balance > 0n ? ctx.t('summary-net-get', { amount: ctx.money(all.balance) }) : all.balance < 0n ? ctx.t('summary-net-give', { amount: ctx.money(-all.balance) }) : ctx.t('summary-net-zero');
  const lines = [
    ctx.t('summary-overall', { count: all.customerCount, get: ctx.money(all.toGet), owing: all.customersOwing, give: ctx.money(all.toGive), owed: all.customersOwed, net }),
  ];
  for (const [side, title, count] of [['get', 'summary-owe-you', all.customersOwing], ['give', 'summary-you-owe', all.customersOwed]] as const) {
    const top = await ctx.services.ledger.largestBalances(actor, side, SIDE_SHOWN);
    if (top.length === 0) continue;
    lines.push('', ctx.t(title));
    top.forEach((c, i) => lines.push(ctx.t('customer-line', { position: i + 1, name: clip(c.name, 60), balance: ctx.money(Math.abs(c.balance)) })));
    if (count > top.length) lines.push(ctx.t('summary-more', { count: count - top.length }));
  }
  return lines.join('\n');
}

/** A page of a customer's last `count` entries, newest first, undone entries and their reversals marked. */
async function historyPage(ctx: BotContext, actor: Actor, customerId: number, count: number, page: number) {
  const customer = await ctx.services.customers.get(actor, customerId);
  const entries = await ctx.services.ledger.recent(actor, customerId, count);
  const name = clip(customer.name, 100);
  if (entries.length === 0) return { text: ctx.t('history-none', { name }), keyboard: undefined };
  const lines = entries.map((e) =>
    ctx.t('history-line', {
      date: entryDay(ctx, e.entryDate),
      id: e.id,
      what: entryWhat(ctx, e.type, e.amount),
      mark: e.reversedBy !== null ? ctx.t('history-undone', { by: e.reversedBy }) : e.reverses !== null ? ctx.t('history-undoes', { of: e.reverses }) : '',
      note: e.note ? `: ${clip(e.note, 60)}` : '',
    }),
  );
  const pages = paginate(lines);
  const at = Math.min(page, pages.length - 1);
  const title = pages.length > 1 ? ctx.t('history-title-page', { count: entries.length, name, page: at + 1, pages: pages.length }) : ctx.t('history-title', { count: entries.length, name });
  const keyboard = pageKeyboard(ctx, at, pages.length, (p) => historyButton.pack({ customerId, count, page: p }));
  return { text: `${title}\n${(pages[at] ?? []).join('\n')}`, keyboard };
}

/** `<name> [n]`: the whole text is the name when a customer has exactly that name ("Shop 2"); else a trailing number is the count. */
async function readHistoryArgs(ctx: BotContext, actor: Actor, text: string): Promise<{ name: string; count: number }> {
  const quoted = quotedName(text);
  const tokens = quoted ? words(quoted.rest) : words(text);
  const last = tokens.at(-1);
  const countGiven = last !== undefined && /^\d+$/.test(asciiDigits(last)) && (quoted !== null || tokens.length > 1);
  const whole = quoted ? quoted.name : tokens.join(' ');
  if (!whole) throw new UsageError('history-usage');
  if (!countGiven) return { name: whole, count: HISTORY_DEFAULT };
  const name = quoted ? quoted.name : tokens.slice(0, -1).join(' ');
  if (!quoted && (await ctx.services.customers.withNames(actor, [whole])).size > 0) return { name: whole, count: HISTORY_DEFAULT };
  const count = Number(asciiDigits(last));
  if (!Number.isInteger(count) || count < 1 || count > HISTORY_MAX) throw new UsageError('history-count', { max: HISTORY_MAX });
  return { name, count };
}

/** /summary [name] and /history <name> [n]. */
export function summaryFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('summary', async (ctx) => {
    const actor = actorOf(ctx);
    const name = quotedName(ctx.match)?.name ?? words(ctx.match).join(' ');
    if (!name) return void (await ctx.reply(await overallSummary(ctx, actor)));
    const id = await pickForReading(ctx, actor, name, (c) => summaryButton.pack({ customerId: c.id }));
    if (id !== null) await ctx.reply(await customerSummary(ctx, actor, id), { reply_markup: documentButtons(ctx, id) });
  });

  feature.command('history', async (ctx) => {
    const actor = actorOf(ctx);
    if (!ctx.match.trim()) throw new UsageError('history-usage');
    const { name, count } = await readHistoryArgs(ctx, actor, ctx.match);
    const id = await pickForReading(ctx, actor, name, (c) => historyButton.pack({ customerId: c.id, count, page: 0 }));
    if (id === null) return;
    const page = await historyPage(ctx, actor, id, count, 0);
    await showPage(ctx, page.text, page.keyboard);
  });

  feature.callbackQuery(summaryButton.filter(), async (ctx) => {
    const { customerId } = summaryButton.read(ctx.callbackQuery.data);
    await showPage(ctx, await customerSummary(ctx, actorOf(ctx), customerId), documentButtons(ctx, customerId));
  });

  feature.callbackQuery(historyButton.filter(), async (ctx) => {
    const { customerId, count, page } = historyButton.read(ctx.callbackQuery.data);
    const shown = await historyPage(ctx, actorOf(ctx), customerId, count, page);
    await showPage(ctx, shown.text, shown.keyboard);
  });

  return feature;
}
