import busboy from 'busboy';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import { routes } from 'telegram-test-api/lib/routes/index.js';
import { TelegramServer as TelegramServerClass, type TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { z } from 'zod';

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

const keyboard = z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))) });

export type BotMessage = { messageId: number; text: string; buttons: Array<{ text: string; data: string }> };

/** The bot's messages to one chat, oldest first, with their ids and buttons (as edited since). */
export function botMessagesTo(server: TelegramServer, token: string, chatId: number): BotMessage[] {
  return server.storage.botMessages
    .filter((m) => m.botToken === token && Number(m.message.chat_id) === chatId)
    .map((m) => ({
      messageId: m.messageId,
      text: String(m.message.text),
      buttons: (keyboard.safeParse(m.message.reply_markup).data?.inline_keyboard.flat() ?? []).map((b) => ({ text: b.text, data: b.callback_data ?? '' })),
    }));
}

/**
 * Presses a button of one of the bot's messages, as Telegram sends it: the callback carries that
 * message (its id and chat), which the fake's own client leaves out.
 */
export async function pressButton(client: TelegramClient, chatId: number, message: BotMessage, label: string): Promise<void> {
  const found = message.buttons.find((b) => b.text.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(message.buttons.map((b) => b.text))}`);
  const callback = client.makeCallbackQuery(found.data, { message: { message_id: message.messageId, chat: { id: chatId, type: 'private' }, date: 0 } });
  await client.sendCallback(callback);
}

// telegram-test-api knows no edited messages: its update formatter is taught to send one for a stored
// update marked as an edit (the fake's own formatter is a private static, so it is wrapped in place).
const formatUpdate: unknown = Reflect.get(TelegramServerClass, 'formatUpdate');
const EDIT = Symbol('edited');
if (typeof formatUpdate === 'function' && !Reflect.get(TelegramServerClass, EDIT)) {
  Reflect.set(TelegramServerClass, EDIT, true);
  Reflect.set(TelegramServerClass, 'formatUpdate', (update: Record<string, unknown>) => {
    const formatted: unknown = formatUpdate.call(TelegramServerClass, update);
    if (!update.edited) return formatted;
    const { message } = z.object({ message: z.record(z.string(), z.unknown()) }).parse(formatted);
    return { update_id: z.object({ update_id: z.number() }).parse(formatted).update_id, edited_message: { ...message, message_id: update.editOf, edit_date: Math.floor(Date.now() / 1000) } };
  });
}

/** The id the fake gave the user's last message with this text in this chat. */
export function userMessageId(server: TelegramServer, token: string, chatId: number, text: string): number {
  const found = server.storage.userMessages.filter((u) => u.botToken === token && 'message' in u && u.message.chat.id === chatId && u.message.text === text).at(-1);
  if (!found) throw new Error(`no user message "${text}"`);
  return found.messageId;
}

/** The user edits an earlier message of theirs: Telegram sends an edited_message update. */
export function sendEdit(server: TelegramServer, client: TelegramClient, chatId: number, messageId: number, text: string): void {
  // Stored whole before the bot can poll it (the fake's own routes cannot mark an update as an edit).
  const updateId = Number(Reflect.get(server, 'updateId'));
  Reflect.set(server, 'updateId', updateId + 1);
  const message = client.makeCommand(text, { chat: { id: chatId } });
  const stored = { time: Date.now(), botToken: message.botToken, updateId, messageId, isRead: false, message, entities: message.entities ?? [] };
  server.storage.userMessages.push(Object.assign(stored, { edited: true, editOf: messageId }));
}

/** A file the bot uploaded to the fake Bot API (sendDocument, sendPhoto). */
export type SentFile = { botToken: string; chatId: number; method: string; filename: string; data: Buffer; caption: string };

/** Every file uploaded to any fake server in this process, oldest first. */
export const sentFiles: SentFile[] = [];

// telegram-test-api has no sendDocument or sendPhoto: routes of ours read the multipart upload as
// Telegram does, keep the file, and answer with a message carrying the document or photo. Added to its
// route list before any server is made (each server installs the list when it is constructed).
const FILES = Symbol('files');
if (!Reflect.get(routes, FILES)) {
  Reflect.set(routes, FILES, true);
  routes.unshift((app, telegramServer) => {
    for (const method of ['sendDocument', 'sendPhoto'] as const) {
      app.post(`/bot:token/${method}`, (req, res, next) => {
        const fields: Record<string, string> = {};
        let file: { filename: string; data: Buffer } | null = null;
        const parser = busboy({ headers: req.headers });
        parser.on('field', (name, value) => (fields[name] = value));
        parser.on('file', (_name, stream, info) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => (file = { filename: info.filename ?? '', data: Buffer.concat(chunks) }));
        });
        parser.on('error', next);
        parser.on('close', () => {
          const uploaded: { filename: string; data: Buffer } | null = file;
          const caption = fields.caption ?? '';
          sentFiles.push({ botToken: req.params.token ?? '', chatId: Number(fields.chat_id), method, filename: uploaded?.filename ?? '', data: uploaded?.data ?? Buffer.alloc(0), caption });
          const size = uploaded?.data.length ?? 0;
          const attachment = method === 'sendDocument' ? { document: { file_id: `doc-${size}`, file_unique_id: `doc-${size}`, file_name: uploaded?.filename, file_size: size } } : { photo: [{ file_id: `photo-${size}`, file_unique_id: `photo-${size}`, width: 0, height: 0, file_size: size }] };
          const result = telegramServer.addBotMessage({ chat_id: fields.chat_id, text: caption, caption, ...(fields.reply_markup ? { reply_markup: fields.reply_markup } : {}), ...attachment }, req.params.token ?? '');
          res.json({ ok: true, result });
        });
        req.pipe(parser);
      });
    }
  });
}
