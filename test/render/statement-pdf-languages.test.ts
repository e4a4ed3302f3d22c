import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH, statementLocale } from '../../src/render/statement-data.js';
import { renderStatementPdf } from '../../src/render/statement-pdf.js';
import { inBatches, novemberStatement } from './fixtures.js';
import { bengaliStatement, hindiStatement } from './language-fixtures.js';
import { pdfFonts, pdfText, saveStream, scratchDir } from './pdf-tools.js';

const scratch = scratchDir();
afterAll(() => scratch.remove());

const render = (sample: ReturnType<typeof bengaliStatement>, locale: Parameters<typeof renderStatementPdf>[2]['locale'], name: string) =>
  saveStream(renderStatementPdf(sample.header, inBatches(sample.lines, 4), { locale }), scratch.path(name));

describe('the statement PDF in Bengali and Hindi', () => {
  it('when it is drawn in Bengali, then poppler reads names, notes and labels as written (ActualText over the shaped glyphs), taka in Bengali digits', async () => {
    const file = await render(bengaliStatement(), statementLocale('bn', 'BDT'), 'bn.pdf');
    const text = pdfText(file);
    for (const expected of ['করিম স্টোর', 'হিসাবের বিবরণী', 'গ্রাহক: রহিম উদ্দিন', 'প্রারম্ভিক ব্যালেন্স: ৳১,২৫০.০০', 'চাল ৫ কেজি, সয়াবিন তেল ১ লিটার', '#৫ দিয়ে বাতিল · ভুল অঙ্ক', 'bKash থেকে জমা', 'সমাপনী ব্যালেন্স', 'পৃষ্ঠা ১/১', 'তৈরি: ১ ডিসে, ২০২৬']) {
      expect(text).toContain(expected);
    }
    // A row reads left to right on one line: the date, the note, the amount, the balance.
    expect(text).toMatch(/২ নভে, ২০২৬ +চাল ৫ কেজি, সয়াবিন তেল ১ লিটার +৳৪৫০\.০০ +৳১,৭০০\.০০/);
    expect(pdfFonts(file)).toMatch(/NotoSansBengali-Regular/);
    expect(pdfFonts(file)).toMatch(/NotoSansBengali-Bold/);
  });

  it('when it is drawn in Hindi, then the Devanagari names and labels read back intact, with Latin digits', async () => {
    const file = await render(hindiStatement(), statementLocale('hi', 'INR'), 'hi.pdf');
    const text = pdfText(file);
    for (const expected of ['श्री गणेश किराना', 'ग्राहक: सुरेश कुमार क्षत्रिय', 'शुरुआती बैलेंस: ₹1,250.00', 'शुद्ध घी', '#5 से रद्द', 'पृष्ठ 1/1']) expect(text).toContain(expected);
    expect(pdfFonts(file)).toMatch(/NotoSansDevanagari-Regular/);
  });

  it('when an English statement names a Bengali customer, then the name is drawn shaped and reads back intact, the rest in Noto Sans', async () => {
    const sample = bengaliStatement();
    const file = await render({ ...sample, header: { ...sample.header, merchantName: 'Corner Shop' } }, ENGLISH, 'en-bn.pdf');
    const text = pdfText(file);
    expect(text).toContain('Customer: রহিম উদ্দিন');
    expect(text).toContain('Opening balance: 1,250.00');
    expect(pdfFonts(file)).toMatch(/NotoSans-Regular/);
  });

  it('when an English statement has only Latin text, then no Indic font is embedded (the fast unshaped path alone)', async () => {
    const { header, lines } = novemberStatement();
    const file = await saveStream(renderStatementPdf(header, inBatches(lines, 5), { locale: ENGLISH }), scratch.path('en.pdf'));
    const fonts = pdfFonts(file);
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).not.toMatch(/Bengali|Devanagari/);
  });
});
