import { Api, Composer, Context } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';

import { FeatureComposer } from '../../bot/feature-composer.js';
import { offlineBotInfo } from '../../bot/offline-api.js';

const me = offlineBotInfo({ id: 1, firstName: 'Mini Ledger', username: 'mini_ledger_bot', canJoinGroups: true });
const chat = { id: 7, type: 'private' as const, first_name: 'Asha' };
const from = { id: 7, is_bot: false, first_name: 'Asha' };

function message(text: string): Update {
  const command = /^\/\S+/.exec(text);
  return {
    update_id: 1,
    message: { message_id: 1, date: 0, chat, from, text, entities: command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [] },
  };
}
const press = (data: string): Update => ({
  update_id: 1,
  callback_query: { id: 'q', from, chat_instance: 'c', data, message: { message_id: 1, date: 0, chat, text: 'x' } },
});

/** The same registrations on either composer; each run returns what ran, in order. */
function scenario(composer: Composer<Context>) {
  const log: string[] = [];
  composer.use(async (_ctx, next) => {
    log.push('first');
    await next();
    log.push('first, after the rest');
  });
  composer.command('start', (_ctx, next) => (log.push('start a'), next()));
  composer.command('start', () => void log.push('start b'));
  composer.command('help').use(() => void log.push('help, added to the returned composer'));
  composer.callbackQuery('yes', () => void log.push('pressed yes'));
  composer.filter(
    async (ctx) => ctx.message?.text?.includes('later') ?? false,
    () => void log.push('async predicate'),
  );
  composer.on('message:text', (ctx) => void log.push(`text ${ctx.message.text}`));
  return async (update: Update) => {
    log.length = 0;
    await composer.middleware()(new Context(update, new Api('1:x'), me), async () => {
      log.push('past the end');
    });
    return [...log];
  };
}

describe('the bot’s flat composer', () => {
  const updates = [message('/start'), message('/help'), message('hello'), message('see you later'), message('/start@other_bot'), press('yes'), press('no')];

  it('when the same middleware is registered on grammY’s Composer and on ours, then every update runs the same middleware in the same order', async () => {
    const theirs = scenario(new Composer<Context>());
    const ours = scenario(new FeatureComposer<Context>());
    for (const update of updates) expect(await ours(update)).toEqual(await theirs(update));
    // And the scenario means something: each path was taken.
    expect(await ours(message('/start'))).toEqual(['first', 'start a', 'start b', 'first, after the rest']);
    expect(await ours(message('/help'))).toEqual(['first', 'help, added to the returned composer', 'first, after the rest']);
    expect(await ours(message('see you later'))).toEqual(['first', 'async predicate', 'first, after the rest']);
    expect(await ours(press('no'))).toEqual(['first', 'past the end', 'first, after the rest']);
  });

  it('when a middleware calls next twice, then the update fails as it does in grammY', async () => {
    const composer = new FeatureComposer<Context>();
    composer.use(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(composer.middleware()(new Context(message('hi'), new Api('1:x'), me), async () => {})).rejects.toThrow('`next` already called before!');
  });

  it('when a middleware throws without a promise, then the caller gets a failed promise, not a throw', async () => {
    const composer = new FeatureComposer<Context>();
    composer.use(() => {
      throw new Error('handler broke');
    });
    let settled: Promise<unknown> | undefined;
    expect(() => {
      settled = Promise.resolve(composer.middleware()(new Context(message('hi'), new Api('1:x'), me), async () => {}));
    }).not.toThrow();
    await expect(settled).rejects.toThrow('handler broke');
  });
});
