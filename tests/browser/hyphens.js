// The check `hyphens` (issue 21): long Dutch words break at their syllables, where the build put
// soft hyphens (U+00AD, crates/document/src/hyphenate.rs), and those soft hyphens stay out of
// what a reader finds and copies.
//   V1's pages at 320 px: no word breaks across lines other than at a soft hyphen; the browser's
//   find finds a hyphenated word whole.
//   Copying: a hyphenated toetsterm selected on V1's toetsplan page and copied with Ctrl+C is on
//   the clipboard (plain text and HTML) as the plan's text, without soft hyphens.
'use strict';
const fs = require('fs');
const path = require('path');

// The toetsterm copied, and where: its text has words of 10 letters or more (soft hyphens).
const COPY = { plan: 'V1', code: 'V1.13' };

// Every word of V1's pages at 320 px stays on one line, or breaks at one of its soft hyphens:
// each piece of a word between soft hyphens (U+00AD) must have a single line box
// (Range.getClientRects). Reported: the word with a bar where it broke. On V1's toetsplan page,
// window.find finds "Dienstverlening" (written Dienst\u00adver\u00adle\u00adning).
async function checkBreaks(browser, site, pages, res) {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await ctx.newPage();
  try {
    const v1 = pages.filter((p) => p.startsWith('V1/') && !p.includes('/versies/'));
    if (v1.length < 5) res.fail('hyphens', 'V1/', `only ${v1.length} pages of V1`);
    for (const p of v1) {
      await page.goto('file://' + path.join(site, p), { waitUntil: 'load' });
      const broken = await page.evaluate(() => {
        const out = [];
        const range = document.createRange();
        const line = (node, from, to) => {
          range.setStart(node, from);
          range.setEnd(node, to);
          // The last box is the letter's own: a letter right after a soft hyphen where the line
          // broke also gets the box of the hyphen shown at the end of the line before.
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return rects.length ? Math.round(rects[rects.length - 1].top) : null;
        };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('script, style, .sr-only') || !el.getClientRects().length) continue;
          const re = /[\p{L}\u00ad]+/gu;
          for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
            let start = m.index;
            for (const piece of m[0].split('\u00ad')) {
              const first = line(n, start, start + 1);
              for (let j = 1; j < piece.length && first !== null; j++) {
                const here = line(n, start + j, start + j + 1);
                if (here !== null && here !== first) {
                  const word = m[0].replace(/\u00ad/g, '');
                  const at = m[0].slice(0, start - m.index + j).replace(/\u00ad/g, '').length;
                  out.push(`${word.slice(0, at)}|${word.slice(at)}`);
                  break;
                }
              }
              start += piece.length + 1;
            }
          }
        }
        return out;
      });
      for (const b of broken) res.fail('hyphens', `${p} @320px`, `"${b}" breaks where it has no soft hyphen`);
    }
    await page.goto('file://' + path.join(site, 'V1', 'toetsplan.html'), { waitUntil: 'load' });
    const use = await page.evaluate(() => {
      const hyphenated = document.querySelector('h1').textContent.includes('\u00ad');
      window.getSelection().removeAllRanges();
      return { hyphenated, found: window.find('Dienstverlening') };
    });
    if (!use.hyphenated) res.fail('hyphens', 'V1/toetsplan.html', 'the heading has no soft hyphens (Dienstverlening)');
    if (!use.found) res.fail('hyphens', 'V1/toetsplan.html', 'window.find("Dienstverlening") does not find the hyphenated word');
  } finally {
    await ctx.close();
  }
}

// The plan's own text of a toetsterm, as the build wrote it into the search index.
function planText(site, plan, code) {
  const js = fs.readFileSync(path.join(site, 'zoekindex.js'), 'utf8');
  const index = JSON.parse(js.slice(js.indexOf('=') + 1).trim().replace(/;$/, ''));
  const term = index.find((p) => p.code === plan).termen.find((t) => t[0] === code);
  return term[1];
}

// Selects the text of COPY's toetsterm on its plan's toetsplan page, copies it with Ctrl+C and
// reads the clipboard back (plain text and HTML): the plan's text, no soft hyphen in either.
async function checkCopy(browser, site, res) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  const where = `${COPY.plan}/toetsplan.html ${COPY.code} copied`;
  try {
    const want = planText(site, COPY.plan, COPY.code);
    await page.goto('file://' + path.join(site, COPY.plan, 'toetsplan.html'), { waitUntil: 'load' });
    const shown = await page.evaluate((code) => {
      const cell = document.getElementById(`t-${code}`).querySelector('td.tekst');
      const range = document.createRange();
      range.selectNodeContents(cell);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return cell.textContent;
    }, COPY.code);
    if (!shown.includes('\u00ad')) res.fail('hyphens', where, 'the toetsterm on the page has no soft hyphens, so copying it proves nothing');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(async () => {
      const out = { plain: await navigator.clipboard.readText(), html: null };
      for (const item of await navigator.clipboard.read()) {
        if (item.types.includes('text/html')) out.html = await (await item.getType('text/html')).text();
      }
      return out;
    });
    if (copied.plain.includes('\u00ad')) res.fail('hyphens', where, `the copied text has soft hyphens: "${copied.plain.replace(/\u00ad/g, '\\u00ad').slice(0, 120)}…"`);
    else if (copied.plain.trim() !== want) res.fail('hyphens', where, `copied ${JSON.stringify(copied.plain)}, the plan says ${JSON.stringify(want)}`);
    if (copied.html === null) res.fail('hyphens', where, 'no HTML on the clipboard');
    else if (copied.html.includes('\u00ad') || copied.html.includes('&shy;')) res.fail('hyphens', where, 'the copied HTML has soft hyphens');
  } catch (e) {
    res.fail('hyphens', where, e.message.split('\n')[0]);
  } finally {
    await ctx.close();
  }
}

async function checkHyphens(browser, site, pages, res) {
  await checkBreaks(browser, site, pages, res);
  await checkCopy(browser, site, res);
}

module.exports = { checkHyphens };
