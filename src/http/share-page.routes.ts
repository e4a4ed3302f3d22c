import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Actor } from '../domain/actor.js';
import { todayUtc, type Clock } from '../domain/clock.js';
import type { Services } from '../domain/services.js';
import { CUSTOMER_LANGUAGES, customerFormat, customerLanguage, balanceForCustomer, LANGUAGE_NAMES } from '../render/customer-texts.js';
import { fileNamePart } from '../render/file-names.js';
import { PAGE_FONT_FILES } from '../render/fonts.js';
import { formatGroupedMinor } from '../render/format.js';
import { goneSharePage, SHARE_PAGE_CSS, SHARE_PAGE_ICON, sharePage } from '../render/share-page.js';
import type { StatementDocuments } from '../render/statement-document.js';
import { sendStream } from './downloads.js';
import { methodNotAllowed, sendError } from './errors.js';

// Nothing on a share page may be cached, indexed, leaked by referrer, framed, or run as script.
const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const privatePage: RequestHandler = (_req, res, next) => {
  res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': PAGE_POLICY });
  next();
};

const languageOf = (req: Request) => customerLanguage(typeof req.query.lang === 'string' ? req.query.lang : null, ...(req.acceptsLanguages() ?? []));

export type SharePageDeps = {
  services: Services;
  documents: StatementDocuments;
  clock: Clock;
  /** Share page views per client address and window (the page has no token to count a merchant by). */
  limit: RequestHandler;
  /** The bot's username, when it is on and knows it (for "Get updates on Telegram"). */
  botUsername: () => string | null;
};

/**
 * /s/<token>: a customer's read-only page (HTML for people, ?format=json for programs), their statement
 * as a PDF, and the way to get updates on Telegram. An unknown, revoked or expired token is a 404 page
 * that says the link is no longer valid, whatever is asked of it.
 */
export function createSharePageRouter({ services, documents, clock, limit, botUsername }: SharePageDeps): Router {
  const router = Router();
  const { shares } = services;
  const gone = (req: Request, res: Response) => {
    res.status(404);
    if (req.query.format === 'json') return void res.json({ error: 'This link is no longer valid.', code: 'share_link_not_found', fields: {} });
    res.type('html').send(goneSharePage(languageOf(req)));
  };

  // These answer GET and HEAD only; anything else (OPTIONS too) is a 405 like every other route.
  const onlyGet = methodNotAllowed(['GET', 'HEAD']);
  const asset = (path: string, handler: RequestHandler) => router.route(path).get(handler).all(onlyGet);
  asset('/s/assets/share.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('css').send(SHARE_PAGE_CSS);
  });
  asset('/s/assets/icon.svg', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('svg').send(SHARE_PAGE_ICON);
  });
  // Only the four shipped files: the name is looked up, never joined into a path.
  asset('/s/assets/fonts/:file', (req, res) => {
    const file = PAGE_FONT_FILES.get(String(req.params.file));
    if (!file) return sendError(res, 404, 'not_found', 'Not found.');
    res.set('Cache-Control', 'public, max-age=86400').type('font/ttf').sendFile(file);
  });

  router
    .route('/s/:token')
    .get(privatePage, limit, async (req, res) => {
      const token = String(req.params.token);
      const view = await shares.page(token);
      if (!view) return gone(req, res);
      const language = languageOf(req);
      const base = `/s/${token}`;
      const updates = botUsername() ? `${base}/updates` : null;
      if (req.query.format === 'json') {
        // Amounts stay exact decimal strings for programs; only balance_text is in the reader's language.
        return void res.json({
          shop: view.shopName,
          customer: view.customer.name,
          ...(view.currency === null ? {} : { currency: view.currency }),
          balance: formatGroupedMinor(view.balance).replaceAll(',', ''),
          balance_text: balanceForCustomer(language, view.shopName, view.balance, customerFormat(language, view.currency).money),
          as_of: todayUtc(clock),
          entries: view.entries.map((e) => ({
            id: e.id,
            entry_date: e.entryDate,
            type: e.type,
            amount: formatGroupedMinor(e.amount).replaceAll(',', ''),
            note: e.note,
            reverses: e.reverses,
            reversed_by: e.reversedBy,
            balance: formatGroupedMinor(e.balance).replaceAll(',', ''),
          })),
          statement_pdf: `${base}/statement.pdf`,
          telegram_updates: updates,
        });
      }
      const languages = CUSTOMER_LANGUAGES.map((l) => ({ language: l, label: LANGUAGE_NAMES[l], href: `${base}?lang=${l}` }));
      // The statement is in the language the page is read in.
      res.type('html').send(sharePage(view, { language, today: todayUtc(clock), links: { statementPdf: `${base}/statement.pdf?lang=${language}`, updates, languages } }));
    })
    .all(onlyGet);

  router
    .route('/s/:token/statement.pdf')
    .get(privatePage, limit, async (req, res) => {
      const book = await shares.open(String(req.params.token));
      if (!book) return gone(req, res);
      const owner: Actor = { ownerId: book.ownerId, channel: 'api', tokenId: null, chatId: null };
      const h = await services.statements.header(owner, book.customer.id, {});
      const pdf = await documents.pdf(owner, h, { language: languageOf(req) });
      await sendStream(res, 'application/pdf', `statement-${fileNamePart(h.customer.name)}-${h.startDate}-${h.endDate}.pdf`, pdf);
    })
    .all(onlyGet);

  // A one-time code for the bot's deep link, made only when a person follows the link (not for HEAD).
  router
    .route('/s/:token/updates')
    .get(privatePage, limit, async (req, res) => {
      const bot = botUsername();
      if (!bot) return gone(req, res);
      if (req.method === 'HEAD') return void res.status(204).end();
      const code = await services.updates.codeFor(String(req.params.token));
      if (!code) return gone(req, res);
      res.redirect(303, `https://t.me/${bot}?start=${code}`);
    })
    .all(onlyGet);

  return router;
}
