import { Composer } from 'grammy';
import type { Actor } from '../../src/domain/actor.js';
import { formatMinor } from '../../src/domain/money.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { balancePhrase, clip, entryPhrase } from '../format.js';
import { historyButton, summaryButton } from '../keyboards/buttons.js';
import { parseHistoryArgs, parseName } from '../parse.js';
import { resolveCustomer } from './customer-picker.js';

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

/** /summary [name] and /history <name> [n]. */
export function summaryFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('summary', async (ctx) => {
    const actor = actorOf(ctx);
    const name = parseName(ctx.match);
    if (!name) return void (await ctx.reply(await overallSummary(ctx, actor)));
    const customer = await resolveCustomer(ctx, actor, name, {
      buttonsFor: async () => (c) => summaryButton.pack({ customerId: c.id }),
    });
    if (customer) await ctx.reply(await customerSummary(ctx, actor, customer.id));
  });

  feature.command('history', async (ctx) => {
    const actor = actorOf(ctx);
    if (!ctx.match.trim()) throw new UsageError(`Usage: ${HISTORY_USAGE}`);
    const { name, count } = parseHistoryArgs(ctx.match, HISTORY_USAGE);
    const customer = await resolveCustomer(ctx, actor, name, {
      buttonsFor: async () => (c) => historyButton.pack({ customerId: c.id, count }),
    });
    if (customer) await ctx.reply(await history(ctx, actor, customer.id, count));
  });

  feature.callbackQuery(summaryButton.filter(), async (ctx) => {
    const { customerId } = summaryButton.read(ctx.callbackQuery.data);
    const text = await customerSummary(ctx, actorOf(ctx), customerId);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text);
  });

  feature.callbackQuery(historyButton.filter(), async (ctx) => {
    const { customerId, count } = historyButton.read(ctx.callbackQuery.data);
    const text = await history(ctx, actorOf(ctx), customerId, count);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text);
  });

  return feature;
}
