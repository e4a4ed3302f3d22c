import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

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
