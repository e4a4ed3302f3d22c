import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A scratch folder for one test file; remove() when done. */
export function scratchDir(): { path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'render-test-'));
  return { path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function saveStream(stream: Readable, file: string): Promise<string> {
  await pipeline(stream, createWriteStream(file));
  return file;
}

/** poppler's reading of the PDF, laid out as on the page; `pages` limits it to [first, last]. */
export function pdfText(file: string, pages?: [number, number]): string {
  const range = pages === undefined ? [] : ['-f', String(pages[0]), '-l', String(pages[1])];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** pdfinfo's "Key: value" lines as a map (dates in ISO 8601). */
export function pdfInfo(file: string): Map<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  const info = new Map<string, string>();
  for (const line of out.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) info.set(match[1], match[2]);
  }
  return info;
}

export function pageCount(file: string): number {
  return Number(pdfInfo(file).get('Pages'));
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** The pictures drawn (soft masks left out): page and pixel size, from `pdfimages -list`. */
export function pdfImages(file: string): { page: number; width: number; height: number }[] {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return out.split('\n').slice(2).map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
}

/** Words with their boxes on page `page`, from `pdftotext -bbox`. */
export function pdfWords(file: string, page: number): { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const words = [];
  for (const match of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: decodeEntities(match[5] ?? '') });
  }
  return words;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
