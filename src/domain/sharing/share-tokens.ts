import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 16 random bytes per link: the token's own randomness (128 bits), kept beside the link. */
export const newSalt = () => randomBytes(16).toString('base64url');

/**
 * A link's token: HMAC-SHA256 of its id and salt under the server's secret (256 bits, URL-safe). The
 * database keeps the salt and the token's hash, never the token: the URL can be shown again to the
 * merchant (reminders reuse a customer's link), and a copy of the database alone cannot make one.
 */
export const shareToken = (secret: string, id: number, salt: string) => createHmac('sha256', secret).update(`share-link:${id}:${salt}`).digest('base64url');

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a share token looks like (43 base64url characters); anything else is no token of ours. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
