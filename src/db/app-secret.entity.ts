import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A secret of the service itself, made once and shared by every instance on the database. */
export const AppSecretSchema = defineEntity({
  name: 'AppSecret',
  tableName: 'app_secrets',
  properties: {
    name: p.string().primary(),
    value: p.string(),
    createdAt: p.datetime(),
  },
});

export type AppSecret = InferEntity<typeof AppSecretSchema>;
