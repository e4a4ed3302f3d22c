import { createServer } from 'node:net';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

/** A loopback port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The texts the bot sent to one chat, oldest first. */
export function botTextsTo(server: TelegramServer, token: string, chatId: number): string[] {
  return server.storage.botMessages
    .filter((m) => m.botToken === token && Number(m.message.chat_id) === chatId)
    .map((m) => String(m.message.text));
}

/** Polls until `ready` holds or the time is up; the bot answers through a real HTTP round trip. */
export async function waitFor<T>(read: () => T, ready: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (ready(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
