import type { Update } from 'grammy/types';

/** Private-chat text messages as Telegram delivers them, numbered in order (commands marked as such). */
export function messageUpdates() {
  let updateId = 1;
  let messageId = 1;
  return (chatId: number, text: string): Update => {
    const command = /^\/\S+/.exec(text);
    return {
      update_id: updateId++,
      message: {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Merchant' },
        from: { id: chatId, is_bot: false, first_name: 'Merchant' },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    };
  };
}
