import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * `attachment; filename="…"` with the name quoted, as clients expect; a name beyond ASCII also goes in
 * `filename*` (RFC 6266), with an ASCII stand-in for old clients.
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The format asked for: `?format=` wins, then the Accept header, then JSON. */
export function formatOf<F extends string>(req: Request, explicit: F | undefined, byType: Record<string, F>, fallback: F): F {
  if (explicit) return explicit;
  const best = req.accepts(['application/json', ...Object.keys(byType)]);
  return typeof best === 'string' && best in byType ? (byType[best] ?? fallback) : fallback;
}

/**
 * Streams a generated file. A failure before the first byte is the usual JSON error; once the file has
 * started, the connection is cut so the client never takes a truncated file for a whole one.
 */
export async function sendStream(res: Response, contentType: string, fileName: string | null, body: Readable): Promise<void> {
  res.type(contentType);
  if (fileName) res.set('Content-Disposition', attachment(fileName));
  try {
    await pipeline(body, res);
  } catch (error) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw error;
    }
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
