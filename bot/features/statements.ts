import { type Composer, InlineKeyboard, InputFile } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { Actor } from '../../src/domain/actor.js';
import { todayUtc } from '../../src/domain/clock.js';
import type { Due } from '../../src/domain/dues/dues.service.js';
import { asciiFileNamePart } from '../../src/render/file-names.js';
import { formatCount } from '../../src/render/local-format.js';
import { bookCsv } from '../../src/render/book-csv.js';
import { actorOf, type BotContext } from '../context.js';
import { UsageError } from '../errors.js';
import { clip } from '../format.js';
import { chartButton, remindButton, statementButton } from '../keyboards/buttons.js';
import { quotedName, words } from '../parse/line.js';
import { readPeriod, type Period } from '../parse/period.js';
import { pickForReading } from '../pick-customer.js';

/** Customers /dues shows; the rest are counted. */
export const DUES_SHOWN = 10;

type PackedPeriod = { from: string; to: string };
const pack = (p: Period): PackedPeriod => ({ from: p.startDate?.replaceAll('-', '') ?? '-', to: p.endDate?.replaceAll('-', '') ?? '-' });
const unpackEnd = (v: string) => (v === '-' ? undefined : `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`);
const unpack = (p: PackedPeriod): Period => {
  const [startDate, endDate] = [unpackEnd(p.from), unpackEnd(p.to)];
  return { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
};

/** `<name> [this month | last month | from [to]]`, the name quoted or not. */
function readNameAndPeriod(ctx: BotContext, text: string, usage: string): { name: string; period: Period } {
  const quoted = quotedName(text);
  const tokens = quoted ? words(quoted.rest) : words(text);
  const read = readPeriod(tokens, todayUtc(ctx.clock), quoted ? 0 : 1);
  if ('invalidDate' in read) throw new UsageError('not-a-date', { token: clip(read.invalidDate, 40) });
  const name = quoted ? quoted.name : read.nameTokens.join(' ');
  if (!name) throw new UsageError(usage);
  return { name, period: read.period };
}

async function sendStatement(ctx: BotContext, actor: Actor, customerId: number, period: Period): Promise<void> {
  const h = await ctx.services.statements.header(actor, customerId, period);
  const pdf = await ctx.documents.pdf(actor, h, { language: ctx.style.language });
  const caption = ctx.t('statement-caption', {
    name: clip(h.customer.name, 100),
    from: ctx.date(h.startDate),
    to: ctx.date(h.endDate),
    opening: ctx.money(h.openingBalance),
    gave: ctx.money(h.totalCredit),
    got: ctx.money(h.totalDebit),
    closing: ctx.money(h.closingBalance),
  });
  await ctx.replyWithDocument(new InputFile(pdf, `statement-${asciiFileNamePart(h.customer.name, h.customer.id)}-${h.startDate}-${h.endDate}.pdf`), { caption: clip(caption, 1024) });
}

async function sendChart(ctx: BotContext, actor: Actor, customerId: number, period: Period): Promise<void> {
  const h = await ctx.services.statements.header(actor, customerId, period);
  const png = await ctx.documents.chart(actor, h, { language: ctx.style.language });
  const caption = ctx.t('chart-caption', { name: clip(h.customer.name, 100), from: ctx.date(h.startDate), to: ctx.date(h.endDate), closing: ctx.money(h.closingBalance) });
  await ctx.replyWithPhoto(new InputFile(png, 'chart.png'), { caption: clip(caption, 1024) });
}

/** One line of /dues: who, how much, since when, and how old it is (only the ages that hold something). */
function dueLine(ctx: BotContext, d: Due, position: number): string {
  const ages = (
    [
      ['0-30', d.ageing.upTo30],
      ['31-60', d.ageing.from31To60],
      ['61-90', d.ageing.from61To90],
      ['90+', d.ageing.over90],
    ] as const
  )
    .filter(([, amount]) => amount > 0)
    // The bucket's bounds in the chat's digits, as every other number of the reply.
    .map(([days, amount]) => ctx.t('dues-age', { days: days.replace(/\d+/g, (n) => formatCount(Number(n), ctx.style)), amount: ctx.money(amount) }))
    .join(', ');
  const paid = d.daysSinceLastPayment === null ? ctx.t('dues-never-paid') : ctx.t('dues-last-paid', { days: d.daysSinceLastPayment });
  return ctx.t('dues-line', { position, name: clip(d.name, 60), balance: ctx.money(Math.abs(d.balance)), paid, ages });
}

/** /statement, /chart, /dues and /export: what a merchant sends a customer, and reads at the end of the day. */
export function statementsFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();

  feature.command('statement', async (ctx) => {
    const actor = actorOf(ctx);
    const { name, period } = readNameAndPeriod(ctx, ctx.match, 'statement-usage');
    const id = await pickForReading(ctx, actor, name, (c) => statementButton.pack({ customerId: c.id, ...pack(period) }));
    if (id !== null) await sendStatement(ctx, actor, id, period);
  });

  feature.command('chart', async (ctx) => {
    const actor = actorOf(ctx);
    const { name, period } = readNameAndPeriod(ctx, ctx.match, 'chart-usage');
    const id = await pickForReading(ctx, actor, name, (c) => chartButton.pack({ customerId: c.id, ...pack(period) }));
    if (id !== null) await sendChart(ctx, actor, id, period);
  });

  feature.command('dues', async (ctx) => {
    const actor = actorOf(ctx);
    const arg = words(ctx.match).join(' ').toLowerCase();
    if (arg !== '' && arg !== 'give') throw new UsageError('dues-usage');
    const side = arg === 'give' ? 'give' : 'get';
    const { items } = await ctx.services.dues.page(actor, { side, limit: DUES_SHOWN });
    if (items.length === 0) return void (await ctx.reply(ctx.t(side === 'get' ? 'dues-none-get' : 'dues-none-give')));
    const all = await ctx.services.ledger.overallSummary(actor);
    const count = side === 'get' ? all.customersOwing : all.customersOwed;
    const lines = [ctx.t(side === 'get' ? 'dues-title-get' : 'dues-title-give', { count, total: ctx.money(side === 'get' ? all.toGet : all.toGive) }), ...items.map((d, i) => dueLine(ctx, d, i + 1))];
    if (count > items.length) lines.push(ctx.t('dues-more', { count: count - items.length }));
    const keyboard = new InlineKeyboard();
    for (const d of items) {
      keyboard.text(ctx.t('button-statement-of', { name: clip(d.name, 30) }), statementButton.pack({ customerId: d.id, from: '-', to: '-' }));
      keyboard.text(ctx.t('button-remind'), remindButton.pack({ customerId: d.id })).row();
    }
    await ctx.reply(lines.join('\n'), { reply_markup: keyboard });
  });

  feature.command('export', async (ctx) => {
    const actor = actorOf(ctx);
    const today = todayUtc(ctx.clock);
    await ctx.replyWithDocument(new InputFile(bookCsv(ctx.services.book.exportRows(actor)), `book-${today}.csv`), { caption: ctx.t('export-caption') });
  });

  feature.callbackQuery(statementButton.filter(), async (ctx) => {
    const { customerId, ...period } = statementButton.read(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await sendStatement(ctx, actorOf(ctx), customerId, unpack(period));
  });

  feature.callbackQuery(chartButton.filter(), async (ctx) => {
    const { customerId, ...period } = chartButton.read(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await sendChart(ctx, actorOf(ctx), customerId, unpack(period));
  });

  return feature;
}

/** The Statement and Chart buttons under a customer's summary. */
export function documentButtons(ctx: BotContext, customerId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-statement'), statementButton.pack({ customerId, from: '-', to: '-' }))
    .text(ctx.t('button-chart'), chartButton.pack({ customerId, from: '-', to: '-' }));
}
