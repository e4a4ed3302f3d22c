import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A chat's own choices: the language the bot answers in and the digits it writes (null: the default). */
export const ChatSettingSchema = defineEntity({
  name: 'ChatSetting',
  tableName: 'chat_settings',
  properties: {
    chatId: p.string().length(32).primary(),
    language: p.string().length(8).nullable(),
    digits: p.string().length(8).nullable(),
    updatedAt: p.datetime(),
  },
});

export type ChatSetting = InferEntity<typeof ChatSettingSchema>;
