// Runs axe-core (WCAG 2.1 A/AA and best practices) on each HTML file given, in headless Chromium;
// prints every violation and, last, "violations: N".
const { chromium } = require('playwright-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage();
  let total = 0;
  for (const file of process.argv.slice(2)) {
    await page.goto('file://' + file);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    for (const v of result.violations) {
      total++;
      console.log(`${file}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}x) e.g. ${v.nodes[0].html.slice(0, 120)}`);
    }
  }
  console.log(`violations: ${total}`);
  await browser.close();
})();
