import type { Dialect } from '../../db/orm-options.js';
import { currentEm, dateOf, deleteBatch, jsonOf, num, sqlRows, sqlRun, type EntityManager } from '../../db/sql.js';

export type SubscriptionRow = { id: number; customerId: number; shareLinkId: number; chatId: string; chatTitle: string; language: string; createdAt: Date };
export type OutboxRow = { id: number; subscriptionId: number; chatId: string; payload: unknown; attempts: number };

const SUB_COLUMNS = 'id, customer_id, share_link_id, chat_id, chat_title, language, created_at';

function subscriptionOf(em: EntityManager, r: Record<string, unknown>): SubscriptionRow {
  return {
    id: num(r.id),
    customerId: num(r.customer_id),
    shareLinkId: num(r.share_link_id),
    chatId: String(r.chat_id),
    chatTitle: String(r.chat_title),
    language: String(r.language),
    createdAt: dateOf(em, r.created_at),
  };
}

/** Subscriptions, their one-time codes, and the outbox of messages owed to them. */
export function createUpdatesRepository(root: EntityManager, dialect: Dialect) {
  return {
    async insertCode(shareLinkId: number, hash: string, now: Date, expiresAt: Date): Promise<void> {
      await sqlRun(root, 'insert into subscribe_codes (share_link_id, code_hash, created_at, expires_at) values (?, ?, ?, ?)', [shareLinkId, hash, now, expiresAt]);
    },

    /** Uses a live code once; its share link's id, or null. */
    async useCode(hash: string, now: Date): Promise<number | null> {
      const [row] = await sqlRows(root, 'update subscribe_codes set used_at = ? where code_hash = ? and used_at is null and expires_at > ? returning share_link_id', [now, hash, now]);
      return row ? num(row.share_link_id) : null;
    },

    /** The chat's live subscription to this customer, if it has one. */
    async liveFor(customerId: number, chatId: string): Promise<SubscriptionRow | null> {
      const em = currentEm(root);
      const [row] = await sqlRows(em, `select ${SUB_COLUMNS} from customer_subscriptions where customer_id = ? and chat_id = ? and ended_at is null`, [customerId, chatId]);
      return row ? subscriptionOf(em, row) : null;
    },

    async insert(s: { ownerId: number; customerId: number; shareLinkId: number; chatId: string; chatTitle: string; language: string; now: Date }): Promise<number> {
      const [row] = await sqlRows(
        root,
        'insert into customer_subscriptions (owner_id, customer_id, share_link_id, chat_id, chat_title, language, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id',
        [s.ownerId, s.customerId, s.shareLinkId, s.chatId, s.chatTitle, s.language, s.now],
      );
      return num(row?.id);
    },

    async live(ownerId: number, customerId: number): Promise<SubscriptionRow[]> {
      const em = currentEm(root);
      const rows = await sqlRows(em, `select ${SUB_COLUMNS} from customer_subscriptions where owner_id = ? and customer_id = ? and ended_at is null order by id`, [ownerId, customerId]);
      return rows.map((r) => subscriptionOf(em, r));
    },

    async countLive(ownerId: number, customerId: number): Promise<number> {
      const [row] = await sqlRows(root, 'select count(*) as n from customer_subscriptions where owner_id = ? and customer_id = ? and ended_at is null', [ownerId, customerId]);
      return num(row?.n ?? 0);
    },

    /** Ends subscriptions; the ids ended. */
    async end(where: { id?: number; ownerId?: number; customerId?: number; chatId?: string; shareLinkIds?: number[] }, reason: string, now: Date): Promise<number[]> {
      const clauses = ['ended_at is null'];
      const params: Array<string | number | Date> = [now, reason];
      if (where.id !== undefined) clauses.push('id = ?'), params.push(where.id);
      if (where.ownerId !== undefined) clauses.push('owner_id = ?'), params.push(where.ownerId);
      if (where.customerId !== undefined) clauses.push('customer_id = ?'), params.push(where.customerId);
      if (where.chatId !== undefined) clauses.push('chat_id = ?'), params.push(where.chatId);
      if (where.shareLinkIds) clauses.push(`share_link_id in (${where.shareLinkIds.map(() => '?').join(', ')})`), params.push(...where.shareLinkIds);
      const rows = await sqlRows(root, `update customer_subscriptions set ended_at = ?, end_reason = ? where ${clauses.join(' and ')} returning id`, params);
      return rows.map((r) => num(r.id));
    },

    /** A message for every live subscription of the customer, in the caller's transaction. */
    async enqueueForCustomer(customerId: number, payload: Record<string, unknown>, now: Date): Promise<number> {
      const rows = await sqlRows(
        root,
        `insert into notification_outbox (subscription_id, chat_id, payload, created_at, due_at)
         select id, chat_id, ?, ?, ? from customer_subscriptions where customer_id = ? and ended_at is null returning id`,
        [JSON.stringify(payload), now, now, customerId],
      );
      return rows.length;
    },

    /**
     * Claims up to `limit` due messages for `claimMs` (another instance skips them meanwhile), oldest
     * first. A chat hears its updates in order: a message waits while an earlier one to the same
     * subscription is unsent and not claimable now (another instance holds it, or it waits for a
     * retry). PostgreSQL skips rows another instance is claiming this moment; SQLite has one writer.
     */
    async claim(now: Date, claimMs: number, limit: number): Promise<OutboxRow[]> {
      const em = currentEm(root);
      const skipLocked = dialect === 'postgresql' ? 'for update skip locked' : '';
      const rows = await sqlRows(
        em,
        `update notification_outbox set claimed_until = ?, attempts = attempts + 1
         where id in (select o.id from notification_outbox o
                      where o.sent_at is null and o.failed_at is null and o.due_at <= ? and (o.claimed_until is null or o.claimed_until < ?)
                        and not exists (select 1 from notification_outbox e
                                        where e.subscription_id = o.subscription_id and e.id < o.id and e.sent_at is null and e.failed_at is null
                                          and (e.due_at > ? or e.claimed_until >= ?))
                      order by o.id limit ? ${skipLocked})
         returning id, subscription_id, chat_id, payload, attempts`,
        [new Date(now.getTime() + claimMs), now, now, now, now, limit],
      );
      return rows
        .map((r) => ({ id: num(r.id), subscriptionId: num(r.subscription_id), chatId: String(r.chat_id), payload: jsonOf(r.payload), attempts: num(r.attempts) }))
        .sort((a, b) => a.id - b.id);
    },

    async sent(id: number, now: Date): Promise<void> {
      await sqlRun(root, 'update notification_outbox set sent_at = ?, claimed_until = null where id = ?', [now, id]);
    },

    async retryAt(id: number, dueAt: Date): Promise<void> {
      await sqlRun(root, 'update notification_outbox set due_at = ?, claimed_until = null where id = ?', [dueAt, id]);
    },

    /** Hands a claimed message back untried (it waits behind an earlier one): its claim was no attempt. */
    async putBack(id: number): Promise<void> {
      await sqlRun(root, 'update notification_outbox set claimed_until = null, attempts = attempts - 1 where id = ?', [id]);
    },

    /** Gives up on a message (and every other one owed to the same ended subscription). */
    async failed(subscriptionId: number, now: Date): Promise<void> {
      await sqlRun(root, 'update notification_outbox set failed_at = ?, claimed_until = null where subscription_id = ? and sent_at is null', [now, subscriptionId]);
    },

    async isLive(subscriptionId: number): Promise<boolean> {
      return (await sqlRows(root, 'select id from customer_subscriptions where id = ? and ended_at is null', [subscriptionId])).length > 0;
    },

    /** A subscription's shop and customer names, the shop's currency, its language, and its link (the page its messages point to). */
    async contextOf(subscriptionId: number): Promise<{ shop: string; currency: string | null; customer: string; language: string; linkId: number; salt: string } | null> {
      const [row] = await sqlRows(
        root,
        `select coalesce(u.display_name, u.username) as shop, u.currency, c.name as customer, s.language, l.id as link_id, l.salt
         from customer_subscriptions s join share_links l on l.id = s.share_link_id join customers c on c.id = s.customer_id join users u on u.id = s.owner_id
         where s.id = ?`,
        [subscriptionId],
      );
      return row ? { shop: String(row.shop), currency: row.currency === null || row.currency === undefined ? null : String(row.currency), customer: String(row.customer), language: String(row.language), linkId: num(row.link_id), salt: String(row.salt) } : null;
    },

    purgeCodes: (now: Date, batch: number) => deleteBatch(currentEm(root), 'subscribe_codes', 'expires_at < ?', [now], batch),

    /** Sent (or given up) messages are kept a week, then deleted. */
    purgeDone: (before: Date, batch: number) => deleteBatch(currentEm(root), 'notification_outbox', 'sent_at < ? or failed_at < ?', [before, before], batch),
  };
}

export type UpdatesRepository = ReturnType<typeof createUpdatesRepository>;
