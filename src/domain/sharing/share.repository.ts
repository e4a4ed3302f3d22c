import { currentEm, dateOf, num, sqlRows, sqlRun, type EntityManager } from '../../db/sql.js';

export type ShareLinkRow = { id: number; customerId: number; salt: string; createdAt: Date; expiresAt: Date | null };

/** A live link found by its token's hash, with what the page shows about whose it is (and the shop's currency, if set). */
export type SharedBook = { link: ShareLinkRow; ownerId: number; shopName: string; currency: string | null; customer: { id: number; name: string; totalCredit: number; totalDebit: number } };

const COLUMNS = 'id, customer_id, salt, created_at, expires_at';

function linkOf(em: EntityManager, r: Record<string, unknown>): ShareLinkRow {
  return { id: num(r.id), customerId: num(r.customer_id), salt: String(r.salt), createdAt: dateOf(em, r.created_at), expiresAt: r.expires_at === null ? null : dateOf(em, r.expires_at) };
}

/** Every query of share links. A link is live while not revoked, not expired and its customer not archived. */
export function createShareRepository(root: EntityManager) {
  return {
    async insert(ownerId: number, customerId: number, salt: string, now: Date, expiresAt: Date | null): Promise<number> {
      const [row] = await sqlRows(root, 'insert into share_links (owner_id, customer_id, salt, created_at, expires_at) values (?, ?, ?, ?, ?) returning id', [
        ownerId,
        customerId,
        salt,
        now,
        expiresAt,
      ]);
      return num(row?.id);
    },

    async setHash(id: number, hash: string): Promise<void> {
      await sqlRun(root, 'update share_links set token_hash = ? where id = ?', [hash, id]);
    },

    /** The customer's live links, newest first. */
    async live(ownerId: number, customerId: number, now: Date): Promise<ShareLinkRow[]> {
      const em = currentEm(root);
      const rows = await sqlRows(
        em,
        `select ${COLUMNS} from share_links where owner_id = ? and customer_id = ? and revoked_at is null and (expires_at is null or expires_at > ?) order by id desc`,
        [ownerId, customerId, now],
      );
      return rows.map((r) => linkOf(em, r));
    },

    /** Revokes one of the owner's links of this customer; false when there is no such live link. */
    async revoke(ownerId: number, customerId: number, linkId: number, now: Date): Promise<boolean> {
      const rows = await sqlRows(root, 'update share_links set revoked_at = ? where id = ? and owner_id = ? and customer_id = ? and revoked_at is null returning id', [
        now,
        linkId,
        ownerId,
        customerId,
      ]);
      return rows.length > 0;
    },

    async revokeAllOf(customerId: number, now: Date): Promise<number[]> {
      const rows = await sqlRows(root, 'update share_links set revoked_at = ? where customer_id = ? and revoked_at is null returning id', [now, customerId]);
      return rows.map((r) => num(r.id));
    },

    /** A live link by its token's hash (a share page) or its id (a subscription). */
    async findLive(by: { hash: string } | { id: number }, now: Date): Promise<SharedBook | null> {
      const em = currentEm(root);
      const [r] = await sqlRows(
        em,
        `select l.id, l.customer_id, l.salt, l.created_at, l.expires_at, l.owner_id, coalesce(u.display_name, u.username) as shop_name, u.currency,
                c.name as customer_name, c.total_credit, c.total_debit
         from share_links l join customers c on c.id = l.customer_id join users u on u.id = l.owner_id
         where ${'hash' in by ? 'l.token_hash = ?' : 'l.id = ?'} and l.revoked_at is null and (l.expires_at is null or l.expires_at > ?) and c.archived = ? and c.owner_id = l.owner_id`,
        ['hash' in by ? by.hash : by.id, now, false],
      );
      if (!r) return null;
      return {
        link: linkOf(em, r),
        ownerId: num(r.owner_id),
        shopName: String(r.shop_name),
        currency: r.currency === null || r.currency === undefined ? null : String(r.currency),
        customer: { id: num(r.customer_id), name: String(r.customer_name), totalCredit: num(r.total_credit), totalDebit: num(r.total_debit) },
      };
    },
  };
}

export type ShareRepository = ReturnType<typeof createShareRepository>;
