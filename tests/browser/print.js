// The check `print` (issue 10), and the printed beoordelingsformulier against its PDF (issue 21).
//   print   Chromium's own print of every page (page.pdf, A4, preferCSSPageSize) gives A4 pages;
//           in print media at the width of the page's content box nothing extends past it; and
//           each beoordelingsformulier, printed as it opens (its fields empty), has as many pages
//           as the PDF typst made of it, on the same paper.
// form.js prints the forms it filled in (printForm) and holds them to the same pages, and to
// notes that print whole: on paper no text box of a filled form may cut off its text.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const MM = 96 / 25.4;

// ---------------------------------------------------------------------------------------------
// Functions run inside the page (page.evaluate): they must not use anything from this file.

// The page's paper (its @page size, A4 if none) and @page margins, in CSS px.
function pageBox() {
  const toPx = (v) => {
    const d = document.createElement('div');
    d.style.cssText = `position:absolute;visibility:hidden;width:${v}`;
    document.body.appendChild(d);
    const w = d.getBoundingClientRect().width;
    d.remove();
    return w;
  };
  const sizes = { a3: [297, 420], a4: [210, 297], a5: [148, 210], letter: [215.9, 279.4], legal: [215.9, 355.6] };
  let size = null;
  let left = null;
  let right = null;
  const visit = (rules) => {
    for (const r of rules) {
      if (r instanceof CSSMediaRule) {
        if (matchMedia(r.conditionText || r.media.mediaText).matches) visit(r.cssRules);
      } else if (r instanceof CSSPageRule && !r.selectorText) {
        size = r.style.getPropertyValue('size') || size;
        left = r.style.getPropertyValue('margin-left') || left;
        right = r.style.getPropertyValue('margin-right') || right;
      }
    }
  };
  for (const s of document.styleSheets) visit(s.cssRules);
  const words = (size || 'A4').toLowerCase().split(/\s+/);
  let mm = sizes.a4;
  for (const w of words) if (sizes[w]) mm = sizes[w];
  let widthPx = mm[0] * 96 / 25.4;
  let heightPx = mm[1] * 96 / 25.4;
  if (words.length === 2 && !sizes[words[0]] && !['portrait', 'landscape'].includes(words[0])) {
    widthPx = toPx(words[0]);
    heightPx = toPx(words[1]);
  }
  if (words.includes('landscape')) [widthPx, heightPx] = [Math.max(widthPx, heightPx), Math.min(widthPx, heightPx)];
  const l = left ? toPx(left) : null;
  const r = right ? toPx(right) : null;
  return { size: size || '(none: A4)', landscape: words.includes('landscape'), pageWidth: widthPx, left: l, right: r };
}

// The print check, in print media at the width of the page's content box: what sticks out.
function measurePrint() {
  const de = document.documentElement;
  const vw = de.clientWidth;
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    return s;
  };
  const problems = [];
  if (de.scrollWidth > vw) problems.push(`page ${de.scrollWidth} px wide > content box ${vw} px`);
  const body = document.body;
  if (body.scrollWidth > body.clientWidth) problems.push(`body scrollWidth ${body.scrollWidth} > clientWidth ${body.clientWidth}`);
  document.querySelectorAll('table').forEach((t, i) => {
    const r = t.getBoundingClientRect();
    const name = `table ${i + 1} (${describe(t)})`;
    if (getComputedStyle(t).display === 'none') return;
    if (t.scrollWidth > t.clientWidth + 1) problems.push(`${name}: scrollWidth ${t.scrollWidth} > clientWidth ${t.clientWidth}`);
    if (r.right > vw + 1) problems.push(`${name}: ends at ${Math.round(r.right)} px, past the content box (${vw} px)`);
    t.querySelectorAll('td, th').forEach((c) => {
      if (c.scrollWidth > c.clientWidth + 1) {
        problems.push(`${name}: cell "${c.textContent.replace(/\s+/g, ' ').trim().slice(0, 30)}" overflows (${c.scrollWidth} px in ${c.clientWidth} px)`);
      }
    });
  });
  let others = 0;
  for (const el of body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 1 && r.height > 1 && r.right > vw + 1 && !el.closest('table')) others++;
  }
  if (others) problems.push(`${others} element(s) outside tables end past the content box`);
  return problems;
}

// Elements that hide part of their text in the current layout (on paper: printed cut off): a
// text box whose text is taller or wider than it, or an element that clips its overflow
// (screen-reader-only text, clipped on purpose, left out).
function cutOffText() {
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    if (!el.getClientRects().length || el.closest('.sr-only')) continue;
    const cs = getComputedStyle(el);
    const box = el.tagName === 'TEXTAREA';
    const text = box ? el.value : el.textContent;
    if (!text.trim() || !(box || cs.overflowX !== 'visible' || cs.overflowY !== 'visible')) continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.name || el.tagName.toLowerCase()} "${text.trim().slice(0, 30)}…": ${el.scrollWidth} × ${el.scrollHeight} px of text in a box of ${el.clientWidth} × ${el.clientHeight} px`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

// Page count and size of a PDF; for Chromium's own PDFs, whose page objects are not compressed.
function pdfFacts(buf) {
  const s = buf.toString('latin1');
  const boxes = [...s.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [parseFloat(m[1]), parseFloat(m[2])]);
  return { pages: boxes.length, boxes };
}

// Page count and the first page's size (pt) of any PDF file, from pdfinfo (poppler-utils, like
// the pdftotext form.js uses).
function pdfInfo(file) {
  // (stderr ignored: poppler complains about the /Suspects entry of typst's tagged PDFs)
  const out = execFileSync('pdfinfo', [file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages: Number((/^Pages:\s+(\d+)/m.exec(out) || [])[1]), size: size ? [Number(size[1]), Number(size[2])] : null };
}

// The printed form (Chromium's PDF, a Buffer) against the PDF typst made of it: as many pages,
// on the same paper (within 3 pt: Chromium's A4 is 841.92 × 594.96 pt, typst's 841.89 × 595.28).
function comparePages(res, check, where, printed, pdfFile) {
  if (!fs.existsSync(pdfFile)) {
    res.fail(check, where, `no ${path.basename(pdfFile)} beside it to compare the printed pages with (a site built without PDFs?)`);
    return;
  }
  const typst = pdfInfo(pdfFile);
  const chromium = pdfFacts(printed);
  if (chromium.pages !== typst.pages) res.fail(check, where, `printed from Chromium on ${chromium.pages} pages; its PDF has ${typst.pages}`);
  const [w, h] = chromium.boxes[0] || [0, 0];
  if (!typst.size || Math.abs(w - typst.size[0]) > 3 || Math.abs(h - typst.size[1]) > 3) {
    res.fail(check, where, `printed on ${w} × ${h} pt paper; its PDF on ${typst.size ? typst.size.join(' × ') : '?'} pt`);
  }
}

// The width of the page's content box in CSS px (the page less its @page margins, else 10 mm).
function contentWidth(box) {
  const left = box.left === null ? 10 * MM : box.left;
  const right = box.right === null ? 10 * MM : box.right;
  return Math.floor(box.pageWidth - left - right);
}

// Prints the page as it stands from Chromium (print media, the paper of its @page) to `out`;
// compares the pages with the PDF `pdfFile` (unless null); and, in print media at the width of
// the page's content box, fails on any text box that cuts off its text. Returns the printed PDF.
async function printForm(page, res, where, pdfFile, out) {
  const viewport = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  try {
    const box = await page.evaluate(pageBox);
    const printed = await page.pdf({ format: 'A4', landscape: box.landscape, preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(out, printed);
    if (pdfFile) comparePages(res, 'form', where, printed, pdfFile);
    await page.setViewportSize({ width: contentWidth(box), height: 1000 });
    for (const c of await page.evaluate(cutOffText)) res.fail('form', where, `on paper a text box cuts off its text: ${c}`);
    return printed;
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(viewport);
  }
}

async function checkPrint(browser, site, pages, res, pdfDir) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto('file://' + path.join(site, p), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const box = await page.evaluate(pageBox);
    const width = contentWidth(box);
    const pdf = await page.pdf({ format: 'A4', landscape: box.landscape, preferCSSPageSize: true, printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    if (pdfDir) {
      const out = path.join(pdfDir, p.replace(/\.html$/, '.pdf'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, pdf);
    }
    const facts = pdfFacts(pdf);
    const a4 = facts.boxes.every(([w, h]) => {
      const [a, b] = [Math.min(w, h), Math.max(w, h)];
      return Math.abs(a - 595.3) < 3 && Math.abs(b - 841.9) < 3;
    });
    const where = `${p} (A4${box.landscape ? ' landscape' : ''}, content box ${width} px)`;
    if (!a4) res.fail('print', where, `printed pages are not A4: ${facts.boxes.slice(0, 2).map((b) => b.join('×')).join(', ')} pt`);
    // The form as it opens, its fields empty, on as many pages as its PDF (issue 21).
    if (/(^|\/)beoordelingsformulier\.html$/.test(p)) comparePages(res, 'print', where, pdf, path.join(site, p.replace(/\.html$/, '.pdf')));
    await page.setViewportSize({ width, height: 1000 });
    const problems = await page.evaluate(measurePrint);
    for (const m of problems) res.fail('print', where, m);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await ctx.close();
}

module.exports = { checkPrint, printForm };
