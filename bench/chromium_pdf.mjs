// SPDX-License-Identifier: Apache-2.0
//
// The yardstick for the certificate renderer (issue 6): the same page, printed from equivalent
// HTML by a warm headless Chromium — one browser kept open, page.pdf() through playwright-core.
// The HTML is made from `jrr certificate layout` (every text at its box, in mm, in the same fonts,
// every ruled line), so both sides draw the same page.
//
// Usage: node bench/chromium_pdf.mjs LAYOUT.txt [ITERATIONS]   → median and p90 in ms, one line each
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { readFileSync } from 'node:fs';

const [layoutPath, iterationsText] = process.argv.slice(2);
const iterations = Number(iterationsText ?? 200);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// "page field atena x y w h size text" lines of page 1, and "1 rules N" (the rules themselves are
// not in the dump; the page draws the same count of hairlines across the member blocks).
const lines = readFileSync(layoutPath, 'utf8').split('\n').filter((l) => l.startsWith('1 '));
let body = '';
let rules = 0;
for (const line of lines) {
  const parts = line.split(' ');
  if (parts[1] === 'rules') { rules = Number(parts[2]); continue; }
  const [, field, , x, y, w, h, size] = parts;
  const text = parts.slice(8).join(' ');
  const gothic = field.endsWith('.label') || field.startsWith('title') || field === 'number' ||
                 field.startsWith('header.') && field.endsWith('label');
  const align = field.endsWith('.label') || field === 'title' ? 'center' : field === 'number' ? 'right' : 'left';
  if (field === 'seal') {
    body += `<div class="seal" style="left:${x}mm;top:${y}mm;width:${w}mm;height:${h}mm">${escape(text)}</div>`;
    continue;
  }
  body += `<div style="left:${x}mm;top:${y}mm;width:${w}mm;height:${h}mm;line-height:${h}mm;` +
          `font-size:${size}pt;text-align:${align};font-family:${gothic ? 'IPAexGothic' : 'IPAmjMincho'}">` +
          `${escape(text)}</div>`;
}
for (let i = 0; i < rules; ++i) {
  const top = 45 + (i % 40) * 4.75;
  body += `<hr style="top:${top}mm">`;
}
const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 0 }
body { margin: 0; width: 210mm; height: 297mm; position: relative }
div { position: absolute; white-space: nowrap; overflow: hidden }
hr { position: absolute; left: 15mm; width: 180mm; margin: 0; border: 0; border-top: 0.15mm solid #000 }
.seal { border: 1.2mm solid #000; font-family: IPAmjMincho; font-size: 24pt; writing-mode: vertical-rl;
        display: flex; align-items: center; justify-content: center }
</style></head><body>${body}</body></html>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent(html, { waitUntil: 'load' });
await page.pdf({ format: 'A4', printBackground: true });  // warm-up: fonts and the print path
const times = [];
let bytes = 0;
for (let i = 0; i < iterations; ++i) {
  const start = process.hrtime.bigint();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  bytes = pdf.length;
}
await browser.close();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`chromium_page_pdf_median_ms ${at(0.5).toFixed(2)}`);
console.log(`chromium_page_pdf_p90_ms ${at(0.9).toFixed(2)}`);
console.log(`chromium_pdf_bytes ${bytes}`);
