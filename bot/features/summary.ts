import { Composer } from 'grammy';
import type { Actor } from '../../src/domain/actor.js';
import { formatMinor } from '../../src/domain/money.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { balancePhrase, clip, entryPhrase } from '../format.js';
import { decodeCallback } from '../keyboards/callback-data.js';
import { pickCustomerKeyboard } from '../keyboards/customers.js';
import { HISTORY_MAX, parseHistoryArgs, parseName } from '../parse.js';

export const HISTORY_USAGE = '/history <name> [n], e.g. /history Alice 5';
export const TOP_OWING = 5;

async function customerSummary(ctx: BotContext, actor: Actor, customerId: number): Promise<string> {
  const customer = await ctx.services.customers.get(actor, customerId);
  const totals = await ctx.services.ledger.customerSummary(actor, customerId);
  return [
    `${customer.name}`,
    `Total credit (you gave): ${formatMinor(totals.totalCredit)}`,
    `Total debit (you got): ${formatMinor(totals.totalDebit)}`,
    `Balance: ${formatMinor(totals.balance)}: ${balancePhrase(customer.name, totals.balance)}`,
  ].join('\n');
}

async function overallSummary(ctx: BotContext, actor: Actor): Promise<string> {
  const all = await ctx.services.ledger.overallSummary(actor);
  const { items } = await ctx.services.customers.byBalance(actor, { limit: TOP_OWING });
  const owing = items.filter((c) => c.totalCredit > c.totalDebit);
  const lines = [
    `All customers: ${all.customerCount}`,
    `Total credit (you gave): ${formatMinor(all.totalCredit)}`,
    `Total debit (you got): ${formatMinor(all.totalDebit)}`,
    `Total owed to you: ${formatMinor(all.balance)}`,
  ];
  if (owing.length > 0) {
    lines.push('', 'Owe you most:');
    owing.forEach((c, i) => lines.push(`${i + 1}. ${clip(c.name, 60)}: ${formatMinor(c.totalCredit - c.totalDebit)}`));
  }
  return lines.join('\n');
}

async function history(ctx: BotContext, actor: Actor, customerId: number, count: number): Promise<string> {
  const customer = await ctx.services.customers.get(actor, customerId);
  const entries = await ctx.services.ledger.recent(actor, customerId, count);
  if (entries.length === 0) return `No entries for ${customer.name} yet.`;
  const lines = entries.map((e) => {
    const note = e.note ? `: ${clip(e.note, 60)}` : '';
    const undo = e.reverses !== null ? ` (undoes #${e.reverses})` : '';
    return `${e.entryDate} #${e.id} ${entryPhrase(e.type, e.amount)}${undo}${note}`;
  });
  return `Last ${entries.length} for ${customer.name}, newest first:\n${lines.join('\n')}`;
}

/** Resolves a typed name; several matches ask with buttons, none says so. Returns the id or null when it replied. */
async function resolve(ctx: BotContext, actor: Actor, name: string, onMany: 'summary' | number): Promise<number | null> {
  const match = await ctx.services.customers.matchName(actor, name);
  if (match.kind === 'one') return match.customer.id;
  if (match.kind === 'none') {
    // Clipped: a typed name can be as long as a message, a reply may not be.
    await ctx.reply(`No customer named "${clip(name, 100)}". /customers lists them.`);
    return null;
  }
  await ctx.reply(`Several customers match "${clip(name, 100)}". Which one?`, {
    reply_markup: pickCustomerKeyboard(match.customers, (c) =>
      onMany === 'summary' ? { action: 'summary', customerId: c.id } : { action: 'history', customerId: c.id, count: onMany },
    ),
  });
  return null;
}

/** /summary [name] and /history <name> [n]. */
export function summaryFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('summary', async (ctx) => {
    const actor = actorOf(ctx);
    const name = parseName(ctx.match);
    if (!name) return void (await ctx.reply(await overallSummary(ctx, actor)));
    const id = await resolve(ctx, actor, name, 'summary');
    if (id !== null) await ctx.reply(await customerSummary(ctx, actor, id));
  });

  feature.command('history', async (ctx) => {
    const actor = actorOf(ctx);
    if (!ctx.match.trim()) throw new UsageError(`Usage: ${HISTORY_USAGE}`);
    const { name, count } = parseHistoryArgs(ctx.match, HISTORY_USAGE);
    const id = await resolve(ctx, actor, name, count);
    if (id !== null) await ctx.reply(await history(ctx, actor, id, count));
  });

  feature.on('callback_query:data', async (ctx, next) => {
    const cb = decodeCallback(ctx.callbackQuery.data);
    if (cb?.action !== 'summary' && cb?.action !== 'history') return next();
    const actor = actorOf(ctx);
    const text =
      cb.action === 'summary'
        ? await customerSummary(ctx, actor, cb.customerId)
        : await history(ctx, actor, cb.customerId, Math.min(cb.count, HISTORY_MAX));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text);
  });

  return feature;
}
