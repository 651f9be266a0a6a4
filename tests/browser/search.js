// The check `search` (issue 10, item 2; issue 21): the start page's search, by keyboard.
//   The start page has an input[type=search]; typing a toetsterm code and a word of its text, by
//   keyboard only, shows a link to the right plan, reachable by Tab; SEARCH_QUERIES give their
//   expected results, naming the field each matched; the page's stemmer agrees with the build's
//   on tests/fixtures/search/stammen.txt.
'use strict';
const fs = require('fs');
const path = require('path');

// The search check: a toetsterm code and a word that occurs only in that toetsterm's text.
const SEARCH = { plan: 'V1', code: 'V1.13', word: 'cynisme' };
// Queries a user types, each with every result it must give (the field, then the link), in
// order, over the site run.sh builds (V1 and the fixture plans B2, F1, S8, S9).
const SEARCH_QUERIES = [
  // The search box's own example: in V1's and F1's toetsvorm ("vijf klantgesprekken").
  // And V1.02 has its parts: "Toetst in het gesprek … de tevredenheid van de klant".
  { query: 'klantgesprek', hits: ['toetsvorm F1/toetsplan.html', 'toetsvorm V1/toetsplan.html', 'toetsterm V1/toetsplan.html#t-V1.02'] },
  { query: 'Klantgesprekken', hits: ['toetsvorm F1/toetsplan.html', 'toetsvorm V1/toetsplan.html', 'toetsterm V1/toetsplan.html#t-V1.02'] },
  // A plural finds its singular, also inside a compound: gesprekken → gesprek.
  { query: 'gesprekken', hits: ['toetsvorm F1/toetsplan.html', 'toetsterm F1/toetsplan.html#t-F1.05', 'toetsvorm V1/toetsplan.html', 'toetsterm V1/toetsplan.html#t-V1.02'] },
  // Onderdelen are searched, by their names.
  { query: 'communiceren', hits: ['onderdeel V1/toetsplan.html#o-2', 'toetsterm V1/toetsplan.html#t-V1.13'] },
  { query: 'conflicthantering', hits: ['onderdeel V1/toetsplan.html#o-3'] },
  // A plan's name (B2: Basiskennis Burgerzaken), and a toetsterm ("diensten van burgerzaken").
  { query: 'burgerzaken', hits: ['naam B2/index.html', 'toetsterm V1/toetsplan.html#t-V1.18'] },
  // Another form of a word: mogelijkheid finds "mogelijkheden".
  { query: 'mogelijkheid', hits: ['toetsterm V1/toetsplan.html#t-V1.15', 'toetsterm V1/toetsplan.html#t-V1.18'] },
  { query: 'reisdocumenten', hits: ['onderdeel B2/toetsplan.html#o-3', 'toetsterm B2/toetsplan.html#t-B2.06'] },
  // A compound the text has in parts: "gemeente- en afdelingsgrenzen".
  { query: 'gemeentegrenzen', hits: ['toetsterm V1/toetsplan.html#t-V1.03'] },
  // Two words, both in one result; capitals and accents do not matter ("minimaal één keer").
  { query: 'Klant Identiteit', hits: ['toetsterm F1/toetsplan.html#t-F1.02'] },
  { query: 'een keer', hits: ['toetsterm V1/toetsplan.html#t-V1.02'] },
  // Nothing: no result, "Niets gevonden."
  { query: 'zwembad', hits: [] },
  { query: 'V1.13', hits: ['toetsterm V1/toetsplan.html#t-V1.13'] },
];

async function checkSearch(browser, site, res) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const start = 'file://' + path.join(site, 'index.html');
  try {
    await page.goto(start, { waitUntil: 'load' });
    if ((await page.locator('input[type=search]').count()) === 0) {
      res.fail('search', 'index.html', 'no search box on the start page (no input[type=search]; issue 10 item 2 requires one)');
      return;
    }
    // Links to the plan whose surrounding item (li, tr, article, …) contains the query.
    const results = (query) => page.evaluate(([plan, q]) => {
      const hits = [];
      document.querySelectorAll('a[href]').forEach((a, i) => {
        const url = new URL(a.getAttribute('href'), location.href).pathname;
        if (!new RegExp(`/${plan}/([^/]*\\.html)?$`).test(url) && !new RegExp(`/${plan}/?$`).test(url)) return;
        const r = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return;
        const item = a.closest('li, tr, article, dd, dt, p, div') || a;
        if (item.textContent.toLowerCase().includes(q.toLowerCase())) hits.push({ i, text: item.textContent.replace(/\s+/g, ' ').trim().slice(0, 80), href: a.getAttribute('href') });
      });
      return hits;
    }, [SEARCH.plan, query]);
    for (const query of [SEARCH.code, SEARCH.word]) {
      await page.goto(start, { waitUntil: 'load' });
      const before = (await results(query)).length;
      // Keyboard only: Tab to the search box, type, and Tab on to a result.
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement && document.activeElement.matches('input[type=search]'));
      }
      if (!reached) {
        res.fail('search', `index.html "${query}"`, 'the search box is not reachable with Tab (40 presses)');
        continue;
      }
      await page.keyboard.type(query, { delay: 30 });
      await page.waitForTimeout(500);
      let hits = await results(query);
      if (hits.length <= before) {
        // A search that needs Enter (a form, maybe a results page of its own).
        await Promise.all([page.waitForLoadState('load').catch(() => {}), page.keyboard.press('Enter')]);
        await page.waitForTimeout(500);
        hits = await results(query);
      }
      if (hits.length === 0 || hits.length <= before) {
        res.fail('search', `index.html "${query}"`, `typing "${query}" shows no link to plan ${SEARCH.plan} with "${query}" in its result`);
        continue;
      }
      let tabbed = false;
      for (let i = 0; i < 60 && !tabbed; i++) {
        await page.keyboard.press('Tab');
        tabbed = await page.evaluate(([plan, q]) => {
          const a = document.activeElement;
          if (!a || a.tagName !== 'A') return false;
          const url = new URL(a.getAttribute('href'), location.href).pathname;
          const item = a.closest('li, tr, article, dd, dt, p, div') || a;
          return url.includes(`/${plan}/`) && item.textContent.toLowerCase().includes(q.toLowerCase());
        }, [SEARCH.plan, query]);
      }
      if (!tabbed) res.fail('search', `index.html "${query}"`, `the result link (${hits[0].href}: ${hits[0].text}) is not reachable with Tab from the search box`);
    }
    await checkSearchQueries(page, start, res);
    await checkStems(page, start, res);
  } finally {
    await ctx.close();
  }
}

// Each query of SEARCH_QUERIES gives exactly its expected results, each naming the field it
// matched.
async function checkSearchQueries(page, start, res) {
  await page.goto(start, { waitUntil: 'load' });
  for (const { query, hits } of SEARCH_QUERIES) {
    await page.fill('input[type=search]', query);
    const got = await page.evaluate(() => [...document.querySelectorAll('#gevonden li')].map((li) => {
      const a = li.querySelector('a');
      const field = li.dataset.veld;
      const shown = a.textContent.includes(`(${field}`);
      return `${field} ${a.getAttribute('href')}${shown ? '' : ' (field not shown)'}`;
    }));
    if (JSON.stringify(got) !== JSON.stringify(hits)) {
      res.fail('search', `index.html "${query}"`, `results ${JSON.stringify(got)}, expected ${JSON.stringify(hits)}`);
    }
  }
}

// The page's stemmer gives the build's stem of every word of tests/fixtures/search/stammen.txt
// (the build's side is checked by crates/output/src/stem.rs).
async function checkStems(page, start, res) {
  const list = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'search', 'stammen.txt'), 'utf8');
  const pairs = list.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' '));
  await page.goto(start, { waitUntil: 'load' });
  if (!(await page.evaluate(() => typeof window.toetsgenStam === 'function'))) {
    res.fail('search', 'index.html stemmer', 'the start page has no window.toetsgenStam (its Dutch stemmer)');
    return;
  }
  const differ = await page.evaluate((ps) => ps.filter(([w, s]) => window.toetsgenStam(w) !== s)
    .map(([w, s]) => `${w}: ${window.toetsgenStam(w)}, not ${s}`), pairs);
  if (pairs.length < 200) res.fail('search', 'stammen.txt', `only ${pairs.length} words`);
  for (const d of differ) res.fail('search', 'index.html stemmer', d);
}

module.exports = { checkSearch };
