import { sqlRows, sqlRun, type EntityManager } from '../../src/db/sql.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Digits, Language } from '../../src/render/local-format.js';

/** What a chat saved (null: not chosen) and its merchant's currency (null: none, or not linked). */
export type SavedStyle = { language: string | null; digits: string | null; currency: string | null };

/** Each chat's language and digits, in the database so every bot instance answers alike. */
export function createChatSettings(root: EntityManager, clock: Clock) {
  async function save(chatId: string, column: 'language' | 'digits', value: string): Promise<void> {
    await sqlRun(
      root,
      `insert into chat_settings (chat_id, ${column}, updated_at) values (?, ?, ?)
       on conflict (chat_id) do update set ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      [chatId, value, clock.now()],
    );
  }

  return {
    /** One round trip per update: the chat's choices and, when it is linked, the merchant's currency. */
    async styleOf(chatId: string, ownerId: number | null): Promise<SavedStyle> {
      const [row] = await sqlRows(
        root,
        `select (select language from chat_settings where chat_id = ?) as language,
                (select digits from chat_settings where chat_id = ?) as digits,
                (select currency from users where id = ?) as currency`,
        [chatId, chatId, ownerId ?? 0],
      );
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return { language: text(row?.language), digits: text(row?.digits), currency: text(row?.currency) };
    },
    setLanguage: (chatId: string, language: Language) => save(chatId, 'language', language),
    setDigits: (chatId: string, digits: Digits) => save(chatId, 'digits', digits),
  };
}

export type ChatSettings = ReturnType<typeof createChatSettings>;
