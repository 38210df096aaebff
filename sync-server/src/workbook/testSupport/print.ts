/**
 * Test support: prints a workbook to PDF with LibreOffice headless (as MOPS would print it) and
 * measures the text on the pages with poppler's `pdftotext -bbox` (Debian: poppler-utils).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findSoffice } from './libreoffice.ts';

const run = promisify(execFile);

export interface PdfWord { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

export interface PrintMeasure {
  pages: number;
  words: number;
  /** Median word height in points (about the printed font size). */
  medianHeight: number;
  /** Median word height of each page, by page number. */
  pageMedians: Map<number, number>;
  /** Pairs of words on the same page, from different lines, whose boxes overlap. */
  overlaps: { a: PdfWord; b: PdfWord }[];
}

/** Prints `xlsx` to PDF with LibreOffice; `keepAs` also writes the PDF there (for looking at it). */
export async function printToPdf(xlsx: Buffer, keepAs?: string): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) not found: apt-get install -y libreoffice-calc');
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-print-'));
  try {
    writeFileSync(path.join(dir, 'book.xlsx'), xlsx);
    await run(soffice, [
      '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), path.join(dir, 'book.xlsx'),
    ], { timeout: 180_000 });
    const pdf = readFileSync(path.join(dir, 'out', 'book.pdf'));
    if (keepAs) writeFileSync(keepAs, pdf);
    return pdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every word of the PDF with its box, from `pdftotext -bbox` (XHTML). */
export async function pdfWords(pdf: Buffer): Promise<PdfWord[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-bbox-'));
  try {
    writeFileSync(path.join(dir, 'book.pdf'), pdf);
    await run('pdftotext', ['-bbox', path.join(dir, 'book.pdf'), path.join(dir, 'words.html')], { timeout: 60_000 });
    const html = readFileSync(path.join(dir, 'words.html'), 'utf8');
    const words: PdfWord[] = [];
    let page = 0;
    for (const m of html.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[0].startsWith('<page')) { page++; continue; }
      words.push({ page, text: m[5]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Height and collisions of the printed words. Two words are on different lines when their
 * vertical centres differ by more than a third of the smaller height; they collide when their boxes
 * share more than 1 pt across and more than a fifth of the smaller height down (pdftotext's boxes
 * span ascent to descent, so the boxes of neighbouring lines of one cell share about a tenth).
 */
export function measurePrint(words: PdfWord[]): PrintMeasure {
  const median = (list: PdfWord[]) => {
    const heights = list.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
    return heights.length ? heights[Math.floor(heights.length / 2)]! : 0;
  };
  const overlaps: PrintMeasure['overlaps'] = [];
  const byPage = new Map<number, PdfWord[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    list.sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.yMin < a.yMax; j++) {
        const b = list[j]!;
        const centre = Math.abs((a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2);
        const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        const sameLine = centre <= height / 3;
        const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (!sameLine && x > 1 && y > height / 5) overlaps.push({ a, b });
      }
    }
  }
  return {
    pages: byPage.size, words: words.length,
    medianHeight: median(words),
    pageMedians: new Map([...byPage].map(([page, list]) => [page, median(list)])),
    overlaps,
  };
}
