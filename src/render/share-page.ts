import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SharedView } from '../domain/sharing/share.service.js';
import { balanceForCustomer, customerFormat, customerText, type CustomerLanguage } from './customer-texts.js';

/** The page's one stylesheet, served beside it (no inline style: the page's policy allows 'self' only). */
export const SHARE_PAGE_CSS = readFileSync(fileURLToPath(new URL('./share-page.css', import.meta.url)), 'utf8');
/** Its icon (browsers ask for one; without it every visit logs a 404). */
export const SHARE_PAGE_ICON = readFileSync(fileURLToPath(new URL('./share-icon.svg', import.meta.url)), 'utf8');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text in HTML: every markup character escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export type SharePageLinks = { statementPdf: string; updates: string | null; languages: Array<{ language: CustomerLanguage; label: string; href: string }> };

function layout(language: CustomerLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/s/assets/share.css">
<link rel="icon" href="/s/assets/icon.svg" type="image/svg+xml">
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * A customer's page: the shop, their balance in their own words, the latest entries, the statement.
 * Money in the shop's currency and dates in the language's own digits.
 */
export function sharePage(v: SharedView, o: { language: CustomerLanguage; today: string; links: SharePageLinks }): string {
  const t = (key: string, vars: Record<string, string | number> = {}) => escapeHtml(customerText(o.language, key, vars));
  const { money, date } = customerFormat(o.language, v.currency);
  const shop = v.shopName;
  const balanceClass = v.balance > 0 ? 'owe' : v.balance < 0 ? 'owed' : 'settled';
  const rows = v.entries
    .map((e) => {
      const what = e.type === 'credit' ? t('page-gave', { shop, amount: money(e.amount) }) : t('page-got', { amount: money(e.amount) });
      const mark = e.reversedBy !== null ? ` <span class="undone">${t('page-undone')}</span>` : e.reverses !== null ? ` <span class="undone">${t('page-undo')}</span>` : '';
      const note = e.note ? `<span class="note">${escapeHtml(e.note)}</span>` : '';
      return `<tr${e.reversedBy !== null ? ' class="undone"' : ''}><td class="date">${escapeHtml(date(e.entryDate))}</td><td>${what}${mark}${note}</td><td class="money">${escapeHtml(money(e.balance))}</td></tr>`;
    })
    .join('\n');
  const table = v.entries.length
    ? `<table>
<thead><tr><th scope="col">${t('page-col-date')}</th><th scope="col">${t('page-col-what')}</th><th scope="col" class="money">${t('page-col-balance')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p class="empty">${t('page-recent-none')}</p>`;
  const updates = o.links.updates
    ? `<li><a class="button secondary" href="${escapeHtml(o.links.updates)}">${t('page-updates')}</a></li>`
    : '';
  const languages =
    o.links.languages.length > 1
      ? `<nav aria-label="${t('page-language')}"><ul>${o.links.languages
          .map((l) => (l.language === o.language ? `<li><span aria-current="true">${escapeHtml(l.label)}</span></li>` : `<li><a href="${escapeHtml(l.href)}" hreflang="${l.language}" lang="${l.language}">${escapeHtml(l.label)}</a></li>`))
          .join('')}</ul></nav>`
      : '';
  const body = `<header>
<p class="shop">${escapeHtml(shop)}</p>
<h1>${t('page-heading', { shop })}</h1>
<p class="for">${t('page-for', { customer: v.customer.name })}</p>
</header>
<main>
<section class="card" aria-labelledby="balance">
<p id="balance" class="balance ${balanceClass}">${escapeHtml(balanceForCustomer(o.language, shop, v.balance, money))}</p>
<p class="as-of">${t('page-as-of', { date: date(o.today) })}</p>
<ul class="actions">
<li><a class="button" href="${escapeHtml(o.links.statementPdf)}">${t('page-download')}</a></li>
${updates}
</ul>
${o.links.updates ? `<p class="help">${t('page-updates-help')}</p>` : ''}
</section>
<section aria-labelledby="recent">
<h2 id="recent">${t('page-recent')}</h2>
${table}
</section>
</main>
<footer>
${languages}
<p>${t('page-footer')}</p>
</footer>`;
  return layout(o.language, customerText(o.language, 'page-title', { customer: v.customer.name, shop }), body);
}

/** The page for a link that is unknown, revoked or expired: it says so, and nothing else. */
export function goneSharePage(language: CustomerLanguage): string {
  const t = (key: string) => escapeHtml(customerText(language, key));
  return layout(language, customerText(language, 'page-gone-title'), `<main>
<section class="card">
<h1>${t('page-gone-title')}</h1>
<p>${t('page-gone')}</p>
</section>
</main>`);
}
