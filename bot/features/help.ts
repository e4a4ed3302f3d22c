import type { Composer } from 'grammy';
import { FeatureComposer } from '../feature-composer.js';
import type { BotCommand } from 'grammy/types';
import type { BotContext } from '../context.js';

/**
 * The command menu (setMyCommands) and /help, from one list so they cannot drift apart. Each command's
 * description is the `command-<name>` message and its /help example `example-<name>`, in the chat's language.
 */
export const COMMANDS = [
  'link', 'customers', 'add', 'credit', 'debit', 'summary', 'history', 'statement', 'chart', 'dues', 'export',
  'remind', 'shopname', 'language', 'currency', 'undo', 'token', 'password', 'unlink', 'help',
] as const;

/** The command menu in one language. */
export function menu(t: (key: string) => string): BotCommand[] {
  return COMMANDS.map((command) => ({ command, description: t(`command-${command}`) }));
}

export function helpText(ctx: BotContext): string {
  return [
    ctx.t('help-intro'),
    ...COMMANDS.map((command) => ctx.t('help-line', { command, description: ctx.t(`command-${command}`), example: ctx.t(`example-${command}`) })),
    '',
    ctx.t('help-outro'),
  ].join('\n');
}

/** /help. */
export function helpFeature(): Composer<BotContext> {
  const feature = new FeatureComposer<BotContext>();
  feature.command('help', (ctx) => ctx.reply(helpText(ctx)));
  return feature;
}
