/**
 * `npm run screenshots`: photographs the built site as readers see it — both languages, desktop and phone
 * width (360 px), light and dark — into `screenshots/` (git-ignored) or the folder given as argument.
 * `SHOT_PAGES` (comma-separated paths) picks pages; `SHOT_SEGMENTS=n` takes n screens scrolling down.
 * Run `npm run build` first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, startSite } from '../tests/support/site.ts';

const out = path.resolve(process.argv[2] ?? 'screenshots');
const pages = (process.env.SHOT_PAGES ?? '/,/requests/,/requests/basiliximab-liver-transplant/,/search/?q=バシリキシマブ').split(',');
const variants = [
  { name: 'desktop', width: 1280, height: 900, scheme: 'light' },
  { name: 'phone', width: 360, height: 780, scheme: 'light' },
  { name: 'phone-dark', width: 360, height: 780, scheme: 'dark' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
] as const;

await mkdir(out, { recursive: true });
const site = await startSite();
const browser = await launchChromium();
try {
  for (const variant of variants) {
    const context = await browser.newContext({ viewport: { width: variant.width, height: variant.height }, colorScheme: variant.scheme });
    const page = await context.newPage();
    for (const pagePath of pages) {
      for (const prefix of ['', '/en']) {
        const target = prefix + pagePath;
        await page.goto(site.url + target, { waitUntil: 'networkidle' });
        const file = path.join(out, `${variant.name}${(target.replace(/[/?=]+/g, '_') || '_home').replace(/_$/, '')}.png`);
        const segments = Number(process.env.SHOT_SEGMENTS ?? 1);
        for (let index = 0; index < segments; index++) {
          await page.evaluate((y) => {
            window.scrollTo(0, y);
          }, index * variant.height);
          const name = segments > 1 ? file.replace(/\.png$/, `-${index + 1}.png`) : file;
          await page.screenshot({ path: name });
          console.log(name);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
