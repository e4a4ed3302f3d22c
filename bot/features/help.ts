import { Composer } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { BotContext } from '../context.js';

/** The command menu (setMyCommands) and /help, from one list so they cannot drift apart. */
export const COMMANDS: { command: string; example: string }[] = [
  { command: 'link', example: '/link <your API token>' },
  { command: 'customers', example: '/customers or /customers ali' },
  { command: 'add', example: '/add Mary Jane +254700000001' },
  { command: 'credit', example: '/credit Mary Jane 1,250.50 rice and oil' },
  { command: 'debit', example: '/debit "Ali Khan" 200 yesterday cash' },
  { command: 'summary', example: '/summary Alice or /summary' },
  { command: 'history', example: '/history Alice 5' },
  { command: 'statement', example: '/statement Alice last month' },
  { command: 'chart', example: '/chart Alice' },
  { command: 'dues', example: '/dues or /dues give' },
  { command: 'export', example: '/export' },
  { command: 'remind', example: '/remind Alice' },
  { command: 'shopname', example: '/shopname Corner Shop' },
  { command: 'language', example: '/language or /language bn' },
  { command: 'currency', example: '/currency BDT' },
  { command: 'undo', example: '/undo' },
  { command: 'token', example: '/token or /token revoke' },
  { command: 'password', example: '/password a-long-secret' },
  { command: 'unlink', example: '/unlink' },
  { command: 'help', example: '/help' },
];

/** The command menu in one language: each description is the `command-<name>` message. */
export function menu(t: (key: string) => string): BotCommand[] {
  return COMMANDS.map(({ command }) => ({ command, description: t(`command-${command}`) }));
}

export function helpText(ctx: BotContext): string {
  return [
    ctx.t('help-intro'),
    ...COMMANDS.map((c) => ctx.t('help-line', { command: c.command, description: ctx.t(`command-${c.command}`), example: c.example })),
    '',
    ctx.t('help-outro'),
  ].join('\n');
}

/** /help. */
export function helpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('help', (ctx) => ctx.reply(helpText(ctx)));
  return feature;
}
