import { Composer } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { BotContext } from '../context.js';

/** The command menu (setMyCommands) and /help, from one list so they cannot drift apart. */
export const COMMANDS: { command: string; description: string; example: string }[] = [
  { command: 'link', description: 'Link this chat to your merchant account', example: '/link <your API token>' },
  { command: 'customers', description: 'Customers by balance, largest first', example: '/customers or /customers ali' },
  { command: 'add', description: 'Add a customer', example: '/add Mary Jane +254700000001' },
  { command: 'credit', description: 'You gave: the customer owes you more', example: '/credit Mary Jane 1,250.50 rice and oil' },
  { command: 'debit', description: 'You got: a payment received', example: '/debit "Ali Khan" 200 cash' },
  { command: 'summary', description: "A customer's totals, or all customers", example: '/summary Alice or /summary' },
  { command: 'history', description: 'Last entries of a customer (default 10)', example: '/history Alice 5' },
  { command: 'undo', description: 'Undo the last entry from this chat', example: '/undo' },
  { command: 'unlink', description: 'Unlink this chat', example: '/unlink' },
  { command: 'help', description: 'What I can do', example: '/help' },
];

export const MENU: BotCommand[] = COMMANDS.map(({ command, description }) => ({ command, description }));

export const HELP_TEXT = [
  'I keep your customer ledger. Commands:',
  ...COMMANDS.map((c) => `/${c.command}: ${c.description}. Example: ${c.example}`),
  '',
  'Names may have spaces; put a name in quotes when it contains numbers. Amounts look like 500, 500.5 or 1,250.50.',
].join('\n');

const WELCOME =
  'Hello! I keep a small shop’s customer ledger.\n' +
  'First link this chat to your account: /link <your API token> (the token from POST /api/auth/login/).\n' +
  'Then: /credit Alice 500 when you give, /debit Alice 200 when you get paid. /help lists everything.';

/** /start without a code, and /help. */
export function helpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('start', (ctx) => ctx.reply(WELCOME));
  feature.command('help', (ctx) => ctx.reply(HELP_TEXT));
  return feature;
}
