import { InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';

// Well under Telegram's 4,096 characters, so a header and a last long line still fit.
const PAGE_CHARS = 3_500;
const PAGE_LINES = 20;

/** Lines split into pages that each fit a message: at most PAGE_LINES lines and PAGE_CHARS characters. */
export function paginate(lines: string[]): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (page.length > 0 && (page.length >= PAGE_LINES || size + line.length + 1 > PAGE_CHARS)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(line);
    size += line.length + 1;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Previous / Next buttons for page `page` (0-based) of `pages`, packed by `dataFor`. */
export function pageKeyboard(ctx: BotContext, page: number, pages: number, dataFor: (page: number) => string): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(ctx.t('button-previous'), dataFor(page - 1));
  if (page < pages - 1) keyboard.text(ctx.t('button-next'), dataFor(page + 1));
  return keyboard;
}

/** Sends page `page`, or edits the message to it when a page button was pressed. */
export async function showPage(ctx: BotContext, text: string, keyboard: InlineKeyboard | undefined): Promise<void> {
  const extra = keyboard ? { reply_markup: keyboard } : {};
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, extra);
  } else {
    await ctx.reply(text, extra);
  }
}
