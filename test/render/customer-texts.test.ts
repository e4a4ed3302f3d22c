import { readFileSync } from 'node:fs';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { updateText } from '../../bot/updates-sender.js';
import { balanceForCustomer, CUSTOMER_LANGUAGES, customerFormat, customerLanguage, customerText } from '../../src/render/customer-texts.js';
import { ENGLISH, statementLocale } from '../../src/render/statement-data.js';

const source = (language: string) => readFileSync(new URL(`../../src/locales/${language}.ftl`, import.meta.url), 'utf8');

/** Every message of a .ftl file with the variables its value and attributes use (the AST walked whole, selectors included). */
function messagesOf(language: string): Map<string, string[]> {
  const resource = new FluentResource(source(language));
  const messages = new Map<string, string[]>();
  for (const message of resource.body) {
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return void node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      if (Reflect.get(node, 'type') === 'var') names.add(String(Reflect.get(node, 'name')));
      for (const value of Object.values(node)) walk(value);
    };
    walk(message.value);
    walk(message.attributes);
    messages.set(message.id, [...names].sort());
  }
  return messages;
}

describe('the customer texts in English, Bengali and Hindi', () => {
  const english = messagesOf('en');

  it('when en.ftl is read, then it has every text the code asks for (a sample) and parses cleanly', () => {
    expect(english.size).toBeGreaterThan(50);
    for (const key of ['you-owe', 'page-gone', 'reminder-owe', 'update-import', 'statement-opening']) expect(english.has(key)).toBe(true);
    // The walk finds variables in plain patterns and inside a plural's selector and variants.
    expect(english.get('you-owe')).toEqual(['amount', 'shop']);
    expect(english.get('update-import')).toEqual(['balance', 'entries', 'shop']);
  });

  it.each(['bn', 'hi'])('when %s.ftl is compared with en.ftl, then it has exactly the same keys, each with the same variables', (language) => {
    const translated = messagesOf(language);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, variables] of english) expect({ key, variables: translated.get(key) }).toEqual({ key, variables });
  });

  it.each(CUSTOMER_LANGUAGES)('when every %s text is formatted with its variables, then none fails and none is left untranslated by mistake', (language) => {
    for (const [key, variables] of english) {
      const text = customerText(language, key, Object.fromEntries(variables.map((v) => [v, v === 'entries' ? 3 : `«${v}»`])));
      expect(text.length).toBeGreaterThan(0);
      // Only the product's name and format names stay Latin in a translation.
      if (language !== 'en') expect(text.replace(/«\w+»|Mini Ledger|PDF|\/stop|#/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('when a chat or a browser names a language, then its base language is used if we have it, else English', () => {
    expect(customerLanguage('bn-BD')).toBe('bn');
    expect(customerLanguage('hi_IN')).toBe('hi');
    expect(customerLanguage('fr', 'HI')).toBe('hi');
    expect(customerLanguage('fr', null, undefined)).toBe('en');
  });

  it('when a balance is put in words, then Bengali reads taka in Bengali digits and Hindi rupees in Latin digits with lakh grouping', () => {
    expect(balanceForCustomer('bn', 'করিম স্টোর', 12_500_000, customerFormat('bn', 'BDT').money)).toBe('করিম স্টোর-এর কাছে আপনার বাকি ৳১,২৫,০০০.০০');
    expect(balanceForCustomer('hi', 'Sharma', -12_500_000, customerFormat('hi', 'INR').money)).toBe('Sharma को आपको ₹1,25,000.00 देने हैं');
    expect(balanceForCustomer('bn', 'করিম স্টোর', 0, customerFormat('bn').money)).toBe('করিম স্টোর-এর সাথে সব হিসাব মিটে গেছে');
  });

  it('when an import of several entries is told, then the count is in the language’s own digits and plural', () => {
    const payload = { kind: 'import', entries: 3, credit: 300, debit: 0, balance: 300 };
    const page = { shop: 'Shop', pageUrl: 'https://x.test/s/t', currency: 'BDT' };
    expect(updateText(payload, { ...page, language: 'bn' })).toContain('আপনার হিসাবে ৩টি লেনদেন যোগ হয়েছে');
    expect(updateText(payload, { ...page, language: 'hi' })).toContain('आपके खाते में 3 एंट्री जोड़ी गईं');
    expect(updateText({ ...payload, entries: 1 }, { ...page, language: 'hi' })).toContain('1 एंट्री जोड़ी गई।');
    expect(updateText(payload, { ...page, language: 'en' })).toContain('3 entries were added');
  });

  it('when a statement locale is made, then English without a currency is the unchanged ENGLISH, and Bengali numbers ids and pages in Bengali digits, ungrouped', () => {
    expect(statementLocale('en')).toBe(ENGLISH);
    const bn = statementLocale('bn', 'BDT');
    expect(bn.labels.opening).toBe('প্রারম্ভিক ব্যালেন্স');
    expect(bn.labels.page(2, 12)).toBe('পৃষ্ঠা ২/১২');
    expect(bn.labels.reversal(1234)).toBe('#১২৩৪-এর বিপরীত লেনদেন');
    expect(bn.money(-12_345)).toBe('-৳১২৩.৪৫');
    expect(bn.date('2026-12-01')).toBe('১ ডিসে, ২০২৬');
    const hi = statementLocale('hi', 'INR');
    expect(hi.labels.undone(1234)).toBe('#1234 से रद्द');
    expect(hi.money(12_500_000)).toBe('₹1,25,000.00');
    // English keeps its labels, with the merchant's currency.
    const en = statementLocale('en', 'USD');
    expect(en.labels).toMatchObject({ opening: 'Opening balance', title: 'Statement' });
    expect(en.labels.page(1, 3)).toBe(ENGLISH.labels.page(1, 3));
    expect(en.labels.reversal(1234)).toBe(ENGLISH.labels.reversal(1234));
    expect(en.money(125_000)).toBe('$1,250.00');
  });
});
