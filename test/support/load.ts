import diagnosticsChannel from 'node:diagnostics_channel';
import { z } from 'zod';

export type Posted = { id: number; customer: number; type: string; amount: string };
/** `sentAt`: when the request's headers were written to its socket (null: never written). */
export type Outcome =
  | { kind: 'answered'; status: number; startedAt: number; sentAt: number | null; endedAt: number; entry: Posted | null }
  | { kind: 'failed'; startedAt: number; sentAt: number | null; endedAt: number; error: string };

// fetch() may wait (for a connection, or for this busy process to run) before it writes a request, so
// "sent" is taken from undici's own report of the headers going out, found by an x-load-id header.
const headersSentAt = new Map<string, number>();
const sentHeaders = z.object({ headers: z.string() });
let watching = false;
let loadIds = 0;

/** A fresh id for the x-load-id header; `sentAtOf(id)` then says when that request went out. */
export function nextLoadId(): string {
  if (!watching) {
    watching = true;
    diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
      const parsed = sentHeaders.safeParse(message);
      const id = parsed.success ? /\r\nx-load-id: (\d+)\r\n/i.exec(parsed.data.headers)?.[1] : undefined;
      if (id) headersSentAt.set(id, performance.now());
    });
  }
  loadIds += 1;
  return String(loadIds);
}

export const sentAtOf = (id: string): number | null => headersSentAt.get(id) ?? null;

const entryBody = z.object({ id: z.number().int(), customer: z.number().int(), type: z.string(), amount: z.string() });
const tokenBody = z.object({ token: z.string() });
const idBody = z.object({ id: z.number().int() });

export async function json(url: string, method: string, body: unknown, token?: string, loadId?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Token ${token}` } : {}),
      ...(loadId ? { 'X-Load-Id': loadId } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A merchant with a few customers on a running service. */
export async function seedMerchant(baseUrl: string, username: string, customers = 4): Promise<{ token: string; customers: number[] }> {
  const reg = await json(`${baseUrl}/api/auth/register/`, 'POST', { username, password: 'correct horse' });
  const { token } = tokenBody.parse(reg.body);
  const ids: number[] = [];
  for (let i = 0; i < customers; i += 1) {
    ids.push(idBody.parse((await json(`${baseUrl}/api/customers/`, 'POST', { name: `Customer ${i}` }, token)).body).id);
  }
  return { token, customers: ids };
}

/**
 * `workers` loops, each posting entries one after another until `stop()` is called or its
 * connection dies; every request's outcome is recorded with its start and end times.
 */
export function entryLoad(baseUrl: string, token: string, customers: number[], workers: number) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  let counter = 0;
  const worker = async () => {
    while (!stopped) {
      counter += 1;
      const customer = customers[counter % customers.length] ?? 0;
      // Unique amounts tell the entries apart: 1.01, 1.02, …
      const amount = (1 + counter / 100).toFixed(2);
      const startedAt = performance.now();
      const loadId = nextLoadId();
      try {
        const res = await json(`${baseUrl}/api/customers/${customer}/entries/`, 'POST', { type: counter % 3 ? 'credit' : 'debit', amount, note: `load ${counter}` }, token, loadId);
        const parsed = entryBody.safeParse(res.body);
        outcomes.push({ kind: 'answered', status: res.status, startedAt, sentAt: sentAtOf(loadId), endedAt: performance.now(), entry: res.status === 201 && parsed.success ? parsed.data : null });
      } catch (error) {
        outcomes.push({ kind: 'failed', startedAt, sentAt: sentAtOf(loadId), endedAt: performance.now(), error: error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error) });
        // Keep trying: after a crash every attempt fails fast (connection refused).
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      stopped = true;
      await running;
      return outcomes;
    },
  };
}

const entryRow = z.object({ id: z.number().int(), customer: z.number().int(), type: z.string(), amount: z.string() });

/** Every entry of these customers, following the Link header page by page. */
export async function listEntries(baseUrl: string, token: string, customers: number[]): Promise<Map<number, Posted>> {
  const all = new Map<number, Posted>();
  for (const customer of customers) {
    let next: string | null = `${baseUrl}/api/customers/${customer}/entries/?limit=1000`;
    while (next) {
      const res: Response = await fetch(next, { headers: { Authorization: `Token ${token}` } });
      if (res.status !== 200) throw new Error(`listing entries answered ${res.status}`);
      for (const e of z.array(entryRow).parse(await res.json())) all.set(e.id, e);
      const link = res.headers.get('Link');
      next = link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null;
    }
  }
  return all;
}
