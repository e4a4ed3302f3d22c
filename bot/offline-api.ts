import busboy from 'busboy';
import type { UserFromGetMe } from 'grammy/types';
import { z } from 'zod';

/** A file the bot uploaded (sendDocument, sendPhoto), as the multipart body carried it. */
export type OfflineFile = { field: string; filename: string; type: string; data: Buffer };
/** One Bot API call: the method, its JSON or form fields, and any files. */
export type OfflineCall = { method: string; payload: Record<string, unknown>; files?: OfflineFile[]; /** The error it was answered with, when a failure rule refused it. */ failed?: OfflineFailure };
/** A Bot API error answer, e.g. `{ error_code: 403, description: 'Forbidden: bot was blocked by the user' }`. */
export type OfflineFailure = { error_code: number; description: string; parameters?: { retry_after?: number } };

export type OfflineApi = {
  botInfo: UserFromGetMe;
  /** Give to grammY as `client.fetch`: every call is serialised by grammY and read back here. */
  fetch: (url: string, init?: { body?: unknown; headers?: unknown }) => Promise<Response>;
  /** Every call, in order. */
  calls: OfflineCall[];
  /** Makes calls fail while the rule answers a failure (null lets a call through). */
  failWhen(rule: ((call: OfflineCall) => OfflineFailure | null) | null): void;
  /** Called with each call as it arrives (the console chat prints them). */
  onCall(listener: (call: OfflineCall) => void): void;
};

const headersSchema = z.record(z.string(), z.string());
const jsonObject = z.record(z.string(), z.unknown());

/** The getMe answer for a bot that runs without Telegram: grammY needs it up front instead of calling getMe. */
export function offlineBotInfo(bot: { id: number; firstName: string; username: string; canJoinGroups: boolean }): UserFromGetMe {
  return {
    id: bot.id,
    is_bot: true,
    first_name: bot.firstName,
    username: bot.username,
    can_join_groups: bot.canJoinGroups,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

async function readBody(body: unknown): Promise<Buffer> {
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (!isAsyncIterable(body)) return Buffer.alloc(0);
  // grammY streams multipart bodies; each chunk is a string or bytes.
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(z.instanceof(Uint8Array).parse(chunk)));
  return Buffer.concat(chunks);
}

/** Reads a call as the Bot API server would: JSON, or multipart/form-data with files. */
async function readCall(method: string, init: { body?: unknown; headers?: unknown }): Promise<OfflineCall> {
  const headers = headersSchema.parse(init.headers ?? {});
  const type = headers['content-type'] ?? '';
  const raw = await readBody(init.body);
  if (!type.startsWith('multipart/form-data')) {
    return { method, payload: raw.length ? jsonObject.parse(JSON.parse(raw.toString('utf8'))) : {} };
  }
  const payload: Record<string, unknown> = {};
  const files: OfflineFile[] = [];
  // busboy, not undici's FormData: grammY writes `filename=chart.png` unquoted, as Telegram accepts.
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': type }, limits: { fieldSize: 1024 * 1024 } });
    parser.on('field', (field, value) => {
      // grammY sends objects (reply_markup) as JSON text in form fields.
      payload[field] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => files.push({ field, filename: info.filename ?? '', type: info.mimeType, data: Buffer.concat(chunks) }));
    });
    parser.on('close', () => resolve());
    parser.on('error', reject);
    parser.end(raw);
  });
  return { method, payload, files };
}

const chatIdOf = (payload: Record<string, unknown>) => Number(payload.chat_id ?? 0);

/**
 * The one stand-in for the Bot API (the console chat, the tests, the benchmark): it answers each
 * method as Telegram would, numbering the messages it "sends", and records every call.
 */
export function createOfflineApi(options: { botInfo: UserFromGetMe; firstMessageId?: number; record?: boolean }): OfflineApi {
  const calls: OfflineCall[] = [];
  const listeners: Array<(call: OfflineCall) => void> = [];
  let failure: ((call: OfflineCall) => OfflineFailure | null) | null = null;
  let messageId = options.firstMessageId ?? 1_000_000;

  function message(call: OfflineCall, id: number): Record<string, unknown> {
    const chat = { id: chatIdOf(call.payload), type: 'private', first_name: 'Chat' };
    const base = { message_id: id, date: Math.floor(Date.now() / 1000), chat };
    const text = call.payload.text ?? call.payload.caption;
    const file = call.files?.[0];
    return {
      ...base,
      ...(call.payload.text !== undefined ? { text } : {}),
      ...(call.payload.caption !== undefined ? { caption: text } : {}),
      ...(call.method === 'sendDocument' && file ? { document: { file_id: `doc${id}`, file_unique_id: `doc${id}`, file_name: file.filename, mime_type: file.type, file_size: file.data.length } } : {}),
      ...(call.method === 'sendPhoto' && file ? { photo: [{ file_id: `photo${id}`, file_unique_id: `photo${id}`, width: 0, height: 0, file_size: file.data.length }] } : {}),
    };
  }

  function answer(call: OfflineCall): unknown {
    switch (call.method) {
      case 'getMe':
        return options.botInfo;
      case 'sendMessage':
      case 'sendDocument':
      case 'sendPhoto':
        return message(call, ++messageId);
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageReplyMarkup':
        return message(call, Number(call.payload.message_id ?? 0));
      default:
        return true;
    }
  }

  return {
    botInfo: options.botInfo,
    calls,
    failWhen: (rule) => void (failure = rule),
    onCall: (listener) => void listeners.push(listener),
    async fetch(url, init = {}) {
      const method = new URL(url).pathname.split('/').at(-1) ?? '';
      const call = await readCall(method, init);
      if (options.record !== false) calls.push(call);
      for (const listener of listeners) listener(call);
      const failed = failure?.(call) ?? null;
      if (failed) call.failed = failed;
      const body = failed ? { ok: false, ...failed } : { ok: true, result: answer(call) };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    },
  };
}
