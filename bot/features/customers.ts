import { Composer } from 'grammy';
import { fingerprintOf } from '../../src/domain/idempotency/fingerprint.js';
import { formatMinor } from '../../src/domain/money.js';
import { z } from 'zod';
import { actorOf, messageKey, type BotContext } from '../context.js';
import { clip } from '../format.js';
import { parseAddArgs, parseName } from '../parse.js';

export const ADD_USAGE = '/add <name> [phone], e.g. /add Mary Jane +254700000001';
export const CUSTOMERS_SHOWN = 30;

const createdSchema = z.object({ id: z.number(), name: z.string(), phone: z.string() });

/** /customers [search] and /add <name> [phone]. */
export function customersFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('customers', async (ctx) => {
    const actor = actorOf(ctx);
    const search = parseName(ctx.match);
    const { items, total } = await ctx.services.customers.byBalance(actor, { search, limit: CUSTOMERS_SHOWN });
    if (total === 0) {
      await ctx.reply(search ? `No customer name contains "${search}".` : 'No customers yet. Add one: /add Alice');
      return;
    }
    const lines = items.map((c, i) => `${i + 1}. ${clip(c.name, 60)}: ${formatMinor(c.totalCredit - c.totalDebit)}`);
    const more = total > items.length ? `\n…and ${total - items.length} more; narrow with /customers <search>.` : '';
    await ctx.reply(`Customers by balance (largest first):\n${lines.join('\n')}${more}`);
  });

  feature.command('add', async (ctx) => {
    const actor = actorOf(ctx);
    if (!ctx.chat || !ctx.msg) return;
    const args = parseAddArgs(ctx.match, ADD_USAGE);
    // Once per message, like entries: a re-delivered /add must not create a twin customer.
    const { replayed, result } = await ctx.services.idempotency.run(
      { ownerId: actor.ownerId, key: messageKey(ctx.chat.id, ctx.msg.message_id), fingerprint: fingerprintOf({ add: args }) },
      createdSchema,
      async () => {
        const c = await ctx.services.customers.create(actor, { name: args.name, phone: args.phone });
        return { id: c.id, name: c.name, phone: c.phone };
      },
    );
    const phone = result.phone ? ` (${result.phone})` : '';
    await ctx.reply(`${replayed ? 'Already added' : 'Added'} ${result.name}${phone}. Post to them with /credit ${result.name} 500`);
  });

  return feature;
}
