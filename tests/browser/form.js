// The check `form` (issue 11): the beoordelingsformulier filled in on screen, by keyboard only.
//   F1 (a fixture with minimaal_voldoende 4 of 5 and F1.02 verplicht): a missing judgement is
//      named in text; pass; fail on too few voldoende; fail on the verplicht toetsterm.
//   V1: filled completely, computes nothing and shows its cesuur text.
//   B2 (a question exam, minimaal_goed 28 of 40): pass at 28, fail at 27, an impossible score named.
//   Save to JSON (formaatversie 2: the kandidaatnummer typed, Beoordelaar 2 chosen by arrow key;
//   assessor 1 unless chosen), reload, open the JSON: every value restored; a file of another version is
//   opened with a warning, one of another plan refused; axe finds nothing in the filled state;
//   the printed filled form (Chromium's print, read back with pdftotext) shows the values.
// Printed filled in (V1 with a few notes, F1, B2), each form has as many pages as its PDF, and a
// long note prints whole (print.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { printForm } = require('./print');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Presses Tab until the focused element matches `selector` (at most `max` presses).
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached by Tab`);
}

// Chooses a judgement per toetsterm by keyboard: Space on the first of the radio group, or
// arrow keys to the one wanted (which checks it).
async function judge(page, code, value, scale) {
  await tabTo(page, `input[type=radio][name="t.${code}.oordeel"]`);
  const steps = scale.indexOf(value);
  if (steps === 0) await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

// Every named control's value: text, checkbox state, or the checked radio.
function formValues() {
  const out = {};
  for (const e of document.querySelectorAll('main input[name], main textarea[name]')) {
    if (e.type === 'radio') { if (e.checked) out[e.name] = e.value; else if (!(e.name in out)) out[e.name] = null; }
    else if (e.type === 'checkbox') out[e.name] = e.checked;
    else out[e.name] = e.value;
  }
  return out;
}

const text = (page, sel) => page.evaluate((s) => { const e = document.querySelector(s); return e ? e.textContent.replace(/\s+/g, ' ').trim() : null; }, sel);

async function open(page, site, plan) {
  await page.goto('file://' + path.join(site, plan, 'beoordelingsformulier.html'), { waitUntil: 'load' });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

// Presses Enter on a button reached by Tab.
async function press(page, selector) {
  await tabTo(page, selector);
  await page.keyboard.press('Enter');
}

async function fillF1(page, site, judgements, second = false) {
  await open(page, site, 'F1');
  await tabTo(page, 'input[name="kandidaat.naam_kandidaat"]');
  await page.keyboard.type('Anna de Vries');
  await tabTo(page, 'input[name="kandidaat.kandidaatnummer"]');
  await page.keyboard.type('2026-0001');
  await tabTo(page, 'input[name="kandidaat.gemeente"]');
  await page.keyboard.type('Utrecht');
  // A Dutch date, typed as an office writes it, in a browser set to English (the context's locale).
  await tabTo(page, 'input[name="kandidaat.datum"]');
  await page.keyboard.type('3-12-2026');
  if (second) {
    await tabTo(page, 'input[name="beoordelaar"]');
    await page.keyboard.press('ArrowRight');
  }
  await tabTo(page, 'input[name="t.F1.01.w1"]');
  await page.keyboard.press('Space');
  for (const [code, value] of Object.entries(judgements)) {
    await judge(page, code, value, ['onvoldoende', 'voldoende']);
    if (code === 'F1.02') {
      await tabTo(page, 'textarea[name="t.F1.02.aandachtspunten"]');
      await page.keyboard.type('Vroeg niet naar het document.');
    }
  }
  await tabTo(page, 'textarea[name="feedback.sterke_punten"]');
  await page.keyboard.type('Rustig en vriendelijk.');
}

async function expectText(res, where, page, sel, want) {
  const got = await text(page, sel);
  if (got === null || !got.includes(want)) res.fail('form', where, `${sel} should say "${want}", says "${got}"`);
}

async function observationCases(page, site, res) {
  const all = { 'F1.01': 'voldoende', 'F1.02': 'voldoende', 'F1.03': 'voldoende', 'F1.04': 'voldoende', 'F1.05': 'voldoende' };
  await open(page, site, 'F1');
  await press(page, '#f-bepaal');
  await expectText(res, 'F1 empty, Uitslag bepalen', page, '#f-fouten', 'Oordeel ontbreekt bij F1.01');
  await fillF1(page, site, all);
  await expectText(res, 'F1 pass', page, '#f-uitslag', 'Uitslag: geslaagd – 5 van 5 toetstermen voldoende (minimaal 4), alle verplichte voldoende.');
  await fillF1(page, site, { ...all, 'F1.01': 'onvoldoende', 'F1.03': 'onvoldoende' });
  await expectText(res, 'F1 too few', page, '#f-uitslag', 'Uitslag: niet geslaagd – 3 van 5 toetstermen voldoende, minimaal 4 nodig.');
  await fillF1(page, site, { ...all, 'F1.02': 'onvoldoende' });
  await expectText(res, 'F1 verplicht', page, '#f-uitslag', 'Uitslag: niet geslaagd – F1.02 is verplicht en onvoldoende.');
  const uitslag = await text(page, '#f-uitslag');
  if (/^Uitslag: geslaagd/.test(uitslag)) res.fail('form', 'F1 verplicht', `passes: ${uitslag}`);
}

// Notes an assessor writes in V1's form: a line or two in some rows and in the feedback.
const V1_NOTES = {
  't.V1.02.aandachtspunten': 'Vroeg niet of het antwoord duidelijk was.',
  't.V1.07.sterke_punten': 'Overtuigend en rustig.',
  't.V1.13.sterke_punten': 'Bleef rustig bij een boze klant.',
  't.V1.18.aandachtspunten': 'Noemde de website niet.',
  'feedback.sterke_punten': 'Vriendelijk, duidelijk en geduldig.',
  'feedback.aandachtspunten': 'Vat het gesprek aan het eind samen.',
};
// A note longer than its box on the PDF (11 mm): on paper it must print whole.
const LONG_NOTE = 'De kandidaat liet de klant eerst uitpraten en vatte de vraag daarna samen, maar vroeg niet naar het document dat de klant had meegenomen. Bij de tweede vraag gaf hij een antwoord dat niet klopte met de regels van de gemeente; hij herstelde dat zelf na een korte stilte. Het gesprek eindigde vriendelijk en met een duidelijke afspraak over het vervolg.';

async function typeIn(page, name, text) {
  await tabTo(page, `textarea[name="${name}"]`);
  await page.keyboard.type(text);
}

async function v1ComputesNothing(page, site, res, tmp) {
  await open(page, site, 'V1');
  const codes = await page.evaluate(() => [...document.querySelectorAll('table.formulier th.term .code')].map((e) => e.textContent.trim()));
  if (codes.length < 20) res.fail('form', 'V1', `only ${codes.length} toetstermen in the form`);
  await tabTo(page, 'input[name="kandidaat.naam_kandidaat"]');
  await page.keyboard.type('Bram Jansen');
  for (const code of codes) await judge(page, code, 'voldoende', ['onvoldoende', 'voldoende']);
  for (const [name, note] of Object.entries(V1_NOTES)) await typeIn(page, name, note);
  await page.evaluate(() => document.activeElement.blur());
  const pdf = path.join(site, 'V1', 'beoordelingsformulier.pdf');
  await printForm(page, res, 'V1 filled', pdf, path.join(tmp, 'V1-ingevuld.pdf'));
  await typeIn(page, 't.V1.13.aandachtspunten', LONG_NOTE);
  await printForm(page, res, 'V1 with a long note', null, path.join(tmp, 'V1-lange-notitie.pdf'));
  // Every word of each note, in order (pdftotext may put a neighbouring cell's lines between).
  const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(tmp, 'V1-lange-notitie.pdf'), '-']).toString().split(/\s+/);
  for (const note of [LONG_NOTE, ...Object.values(V1_NOTES)]) {
    let at = 0;
    for (const word of note.split(' ')) at = at < 0 ? at : printed.indexOf(word, at) + 1 || -1;
    if (at < 0) res.fail('form', 'V1 printed', `the note "${note.slice(0, 40)}…" is not printed whole`);
  }
  const facts = await page.evaluate(() => ({
    status: !!document.getElementById('f-uitslag'),
    button: !!document.getElementById('f-bepaal'),
    choice: !!document.getElementById('f-uitslag-keuze'),
    checked: document.querySelectorAll('input[type=radio][value=voldoende]:checked').length,
    body: document.querySelector('main').textContent.replace(/\u00ad/g, '').replace(/\s+/g, ' '), // without the soft hyphens of long words
  }));
  if (facts.checked !== codes.length) res.fail('form', 'V1', `${facts.checked} of ${codes.length} judgements made by keyboard`);
  if (facts.status || facts.button) res.fail('form', 'V1', 'computes a result, but its cesuur is text only');
  if (!facts.choice) res.fail('form', 'V1', 'no Geslaagd / Niet geslaagd for the assessor to choose');
  if (!facts.body.includes('Cesuur: Op basis van het beoordelingsformulier')) res.fail('form', 'V1', 'its cesuur text is not shown');
  if (/geslaagd: \d/.test(facts.body)) res.fail('form', 'V1', 'shows a computed result');
}

async function score(page, code, n) {
  await tabTo(page, `input[name="t.${code}.goed"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(n));
}

async function questionCases(page, site, res, tmp) {
  await open(page, site, 'B2');
  // 28 correct: 3+4+5 | 6+4+5 | 1+0+0 = 28
  const scores = { 'B2.01': 3, 'B2.02': 4, 'B2.03': 5, 'B2.04': 6, 'B2.05': 4, 'B2.06': 5, 'B2.07': 1, 'B2.08': 0, 'B2.09': 0 };
  for (const [code, n] of Object.entries(scores)) await score(page, code, n);
  await expectText(res, 'B2 at the cut-off', page, '#f-uitslag', 'Uitslag: geslaagd – 28 van de 40 vragen goed (minimaal 28).');
  await expectText(res, 'B2 at the cut-off', page, '#f-telling', '28');
  const subs = await page.evaluate(() => [...document.querySelectorAll('.subtotaal-uit')].map((o) => o.textContent));
  if (subs.join() !== '12,15,1') res.fail('form', 'B2 subtotals', `are ${subs.join()}, want 12,15,1`);
  await page.evaluate(() => document.activeElement.blur());
  await printForm(page, res, 'B2 filled', path.join(site, 'B2', 'beoordelingsformulier.pdf'), path.join(tmp, 'B2-ingevuld.pdf'));
  await page.evaluate(() => document.activeElement.blur());
  await score(page, 'B2.07', 0);
  await expectText(res, 'B2 one below', page, '#f-uitslag', 'Uitslag: niet geslaagd – 27 van de 40 vragen goed, minimaal 28 nodig.');
  await page.evaluate(() => document.activeElement.blur());
  await score(page, 'B2.01', 9);
  await press(page, '#f-bepaal');
  await expectText(res, 'B2 impossible score', page, '#f-fouten', 'Aantal goed bij B2.01 moet een heel getal van 0 tot en met 3 zijn');
  const checks = await page.evaluate(() => document.querySelectorAll('main input[type=radio][value=voldoende], main input[type=checkbox]').length);
  if (checks) res.fail('form', 'B2', `${checks} observation ticks or voldoende choices in a score form`);
}

// Saves the filled F1 form, reloads, opens the file: every value back; then another version
// (opened with a warning) and another plan (refused); axe in the filled state; the print.
async function saveOpenPrint(page, site, res, axeSource, tmp) {
  await open(page, site, 'F1');
  const chosen = await page.evaluate(() => { const k = document.querySelector('input[name="beoordelaar"]:checked'); return k ? k.value : null; });
  if (chosen !== '1') res.fail('form', 'beoordelaar', `a fresh form has assessor ${chosen} chosen, not 1`);
  await fillF1(page, site, { 'F1.01': 'voldoende', 'F1.02': 'onvoldoende', 'F1.03': 'voldoende', 'F1.04': 'voldoende', 'F1.05': 'voldoende' }, true);
  const before = await page.evaluate(formValues);
  await page.evaluate(() => document.activeElement.blur());
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, '#f-opslaan')]);
  if (download.suggestedFilename() !== 'beoordelingsformulier-F1-2026-0001-anna-de-vries-beoordelaar-2.json') res.fail('form', 'saved file name', download.suggestedFilename());
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (saved.plan !== 'F1' || saved.versie !== '2024-01-01' || saved.kandidaat.naam !== 'Anna de Vries') res.fail('form', 'saved JSON', `plan ${saved.plan}, versie ${saved.versie}, naam ${saved.kandidaat && saved.kandidaat.naam}`);
  if (saved.formaatversie !== 2 || saved.kandidaatnummer !== '2026-0001' || saved.beoordelaar !== 2) res.fail('form', 'saved JSON', `formaatversie ${saved.formaatversie}, kandidaatnummer ${saved.kandidaatnummer}, beoordelaar ${saved.beoordelaar}`);
  if (saved.uitslag.geslaagd !== false || !saved.uitslag.reden.includes('F1.02 is verplicht')) res.fail('form', 'saved JSON', `uitslag ${JSON.stringify(saved.uitslag)}`);
  if (saved.waarden['kandidaat.datum'] !== '3-12-2026') res.fail('form', 'saved JSON', `datum ${JSON.stringify(saved.waarden['kandidaat.datum'])}, not the Dutch date typed`);
  if (JSON.stringify(saved.waarden) !== JSON.stringify(before)) res.fail('form', 'saved JSON', 'waarden differ from the form');
  const reopen = async (f) => {
    await open(page, site, 'F1');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, '#f-openen')]);
    await chooser.setFiles(f);
    await page.waitForFunction(() => document.getElementById('f-melding').textContent !== '');
  };
  await reopen(file);
  const after = await page.evaluate(formValues);
  for (const [k, v] of Object.entries(before)) if (after[k] !== v) res.fail('form', 'reopened', `${k} is ${JSON.stringify(after[k])}, was ${JSON.stringify(v)}`);
  if (!Object.values(before).includes('Vroeg niet naar het document.')) res.fail('form', 'filled', 'the aandachtspunten text was not typed');
  await expectText(res, 'reopened', page, '#f-uitslag', 'Uitslag: niet geslaagd – F1.02 is verplicht en onvoldoende.');
  await page.addScriptTag({ content: axeSource });
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const v = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations.map((x) => `${x.id}: ${x.nodes[0].target.join(' ')}`), AXE_TAGS);
    for (const x of v) res.fail('form', `axe filled @${width}px`, x);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const pdf = path.join(tmp, 'F1-ingevuld.pdf');
  await printForm(page, res, 'F1 filled', path.join(site, 'F1', 'beoordelingsformulier.pdf'), pdf);
  const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const want of ['Anna de Vries', '2026-0001', 'Utrecht', '3-12-2026', 'Vroeg niet naar het document.', 'Rustig en vriendelijk.', 'niet geslaagd – F1.02 is verplicht']) {
    if (!printed.includes(want)) res.fail('form', 'printed filled form', `"${want}" not in the printed PDF`);
  }
  for (const gone of ['Opslaan', 'Uitslag bepalen']) if (printed.includes(gone)) res.fail('form', 'printed filled form', `"${gone}" printed`);
  const other = { ...saved, versie: '2023-01-01' };
  fs.writeFileSync(path.join(tmp, 'oud.json'), JSON.stringify(other));
  await reopen(path.join(tmp, 'oud.json'));
  await expectText(res, 'older version', page, '#f-melding', 'opgeslagen bij de versie van 1 januari 2023 van het toetsplan; dit formulier is de versie van 1 januari 2024');
  fs.writeFileSync(path.join(tmp, 'ander.json'), JSON.stringify({ ...saved, plan: 'V1' }));
  await reopen(path.join(tmp, 'ander.json'));
  await expectText(res, 'other plan', page, '#f-melding', 'Niet geopend: ander.json hoort bij toetsplan V1, dit formulier bij F1.');
  // A file of formaatversie 1 (before the kandidaatnummer and the choice of assessor): opened, assessor 1.
  const v1 = { ...saved, formaatversie: 1, waarden: { ...saved.waarden } };
  for (const k of ['kandidaatnummer', 'beoordelaar']) delete v1[k];
  for (const k of ['beoordelaar', 'kandidaat.kandidaatnummer']) delete v1.waarden[k];
  // Saved by the form of before, whose date field wrote 2026-12-03: shown as a Dutch date.
  v1.waarden['kandidaat.datum'] = '2026-12-03';
  fs.writeFileSync(path.join(tmp, 'v1.json'), JSON.stringify(v1));
  await reopen(path.join(tmp, 'v1.json'));
  const v1state = await page.evaluate(() => ({ naam: document.querySelector('input[name="kandidaat.naam_kandidaat"]').value, b: (document.querySelector('input[name="beoordelaar"]:checked') || {}).value, datum: document.querySelector('input[name="kandidaat.datum"]').value }));
  if (v1state.naam !== 'Anna de Vries' || v1state.b !== '1' || v1state.datum !== '3-12-2026') res.fail('form', 'formaatversie 1 opened', JSON.stringify(v1state));
}

// The check: needs the site built with the fixture plans F1, B2 and the V1 plan.
async function checkForm(browser, site, res) {
  for (const plan of ['F1', 'V1', 'B2']) {
    if (!fs.existsSync(path.join(site, plan, 'beoordelingsformulier.html'))) {
      res.fail('form', plan, `no ${plan}/beoordelingsformulier.html in the site (built without tests/fixtures/plans?)`);
      return;
    }
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'toetsgen-form-'));
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-US' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    for (const [name, fn] of [['observation', observationCases], ['V1', (p, s, r) => v1ComputesNothing(p, s, r, tmp)], ['questions', (p, s, r) => questionCases(p, s, r, tmp)], ['save/open/print', (p, s, r) => saveOpenPrint(p, s, r, axeSource, tmp)]]) {
      try { await fn(page, site, res); } catch (e) { res.fail('form', name, e.message.split('\n')[0]); }
    }
    for (const e of errors) res.fail('form', 'script error', e);
  } finally {
    await ctx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { checkForm };
