import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createLogger } from '../../src/logger.js';
import { createBotHarness, en, texts, type BotHarness } from './support.js';

let h: BotHarness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('the bot’s error boundary', () => {
  it('when a handler fails unexpectedly, then the user gets an apology, the error is logged with the update id, and the bot keeps answering', async () => {
    const log = capture();
    h = await createBotHarness({ logger: log.logger });
    await h.send(`/link ${await h.merchant('shop')}`);
    vi.spyOn(h.services.customers, 'byBalance').mockRejectedValueOnce(new Error('disk on fire'));

    const updateId = h.nextUpdateId();
    expect(texts(await h.send('/customers', { updateId }))).toEqual([en('apology')]);
    const logged = log.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'bot update failed');
    expect(logged).toMatchObject({ updateId, err: { message: 'disk on fire' } });
    expect(texts(await h.send('/customers'))).toEqual(['No customers yet. Add one: /add Alice']);
  });

  it('when a button press fails unexpectedly, then the press is answered and an apology is sent', async () => {
    h = await createBotHarness();
    await h.send(`/link ${await h.merchant('shop')}`);
    vi.spyOn(h.services.ledger, 'reverse').mockRejectedValueOnce(new Error('boom'));
    const calls = await h.press('rv:1:1');
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(texts(calls)).toEqual([en('apology')]);
  });

  it('when the /link token is logged by an error, then the log never holds the token', async () => {
    const log = capture();
    h = await createBotHarness({ logger: log.logger });
    const token = await h.merchant('shop');
    vi.spyOn(h.services.chatLinks, 'linkWithToken').mockRejectedValueOnce(new Error('db down'));
    expect(texts(await h.send(`/link ${token}`))).toEqual([en('apology')]);
    expect(log.lines.join('')).toContain('db down');
    expect(log.lines.join('')).not.toContain(token);
  });
});
