import type { Update } from 'grammy/types';

export type TextUpdate = {
  updateId: number;
  messageId: number;
  text: string;
  chat: { id: number; type: 'private'; first_name: string } | { id: number; type: 'group'; title: string };
  fromId?: number;
  /** The sender's Telegram language (`language_code`), when the test cares. */
  languageCode?: string;
};

/** A Telegram update carrying a text message, with the bot_command entity Telegram adds to /commands. */
export function textUpdate({ updateId, messageId, text, chat, fromId, languageCode }: TextUpdate): Update {
  const command = /^\/\S+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: fromId ?? chat.id, is_bot: false, first_name: 'Merchant', ...(languageCode === undefined ? {} : { language_code: languageCode }) },
      text,
      ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
    },
  };
}
