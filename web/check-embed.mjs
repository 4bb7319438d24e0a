#!/usr/bin/env node
// Checks a built dateline site's embeds the way a newsroom uses them: an
// article on another origin frames the timeline with README.md's snippet.
//
//   node web/check-embed.mjs SITE_DIR [--dateline BIN] [--artifacts DIR]
//
// The site is served on one origin (127.0.0.1, an ephemeral port) and an
// article page, written by this script with the snippet README.md gives
// (under "Embeds"), on a second one. In Debian's Chromium through
// playwright-core it checks:
//   1. the frame's height matches its content after load, and again after a
//      filter inside the frame changes what it shows;
//   2. a link in the frame opens in the top window;
//   3. no request leaves the two origins;
//   4. axe-core finds nothing inside the frame, in light and in dark;
//   5. the Nu validator passes every embed page of the site;
//   6. at 300 and 800 px wide, the timeline's embed and a term's scroll
//      sideways nowhere;
//   7. on a test page, a click on a media facade creates the player then
//      and only then (and axe-core finds nothing on the page before it): a small site with a YouTube video is built with the
//      dateline binary (--dateline, default target/debug/dateline) into a
//      temporary folder, requests to other hosts are aborted and recorded,
//      and none may come before the click;
//   8. screenshots of the article with the embed, light and dark, into
//      --artifacts DIR (default web/artifacts).
// It ends with the line "N passed, M failed" and exits 1 when M > 0.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  CHROMIUM, CHROMIUM_ARGS, check, listHtml, report, runAxe, serve, tally, validateHtml,
} from './check-site.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(HERE);
const TIMEOUT_MS = 1000 * (Number(process.env.CHECK_EMBED_TIMEOUT) || 180); // whole run
const ACTION_TIMEOUT_MS = 5000; // one click, navigation or wait
const PLACEHOLDER = 'https://timeline.example.org';
const SNIPPET_MARK = '<!-- the embed snippet: web/check-embed.mjs frames the timeline with it -->';

function parseArgs(argv) {
  const args = {
    site: null,
    dateline: path.join(REPO, 'target/debug/dateline'),
    artifacts: path.join(HERE, 'artifacts'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dateline') args.dateline = argv[++i];
    else if (a === '--artifacts') args.artifacts = argv[++i];
    else if (!args.site && !a.startsWith('--')) args.site = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!args.site) throw new Error('usage: node web/check-embed.mjs SITE_DIR [--dateline BIN] [--artifacts DIR]');
  return args;
}

// The README's snippet: the ```html block after its mark.
function readmeSnippet() {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const at = readme.indexOf(SNIPPET_MARK);
  if (at < 0) throw new Error('README.md has no embed snippet mark');
  const block = /```html\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error('README.md has no ```html block after the embed snippet mark');
  return block[1];
}

// An article of a newsroom, with the snippet pointing at `site` (an origin).
function article(snippet, site) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>An article with a timeline</title>
<style>body { font: 18px/1.5 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #181818; } }</style></head>
<body>
<h1>What the leak tells us</h1>
<p>A paragraph of the article, before the timeline.</p>
${snippet.split(PLACEHOLDER).join(site)}
<p id="after">A paragraph of the article, after the timeline.</p>
</body>
</html>
`;
}

// Waits until check() returns nothing (it returns a problem while not yet),
// polling; returns the last problem, or null.
async function until(probe, ms = ACTION_TIMEOUT_MS) {
  const deadline = Date.now() + ms;
  let problem = await probe();
  while (problem && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    problem = await probe();
  }
  return problem;
}

// The frame's height against its content's, in the article `page`.
async function heights(page) {
  const element = await page.$('iframe[data-dateline]');
  const frame = await element.contentFrame();
  const outer = await element.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { element, frame, outer, inner };
}

const fits = async (page) => {
  const h = await heights(page);
  return Math.abs(h.outer - Math.ceil(h.inner)) <= 1 ? null : `frame ${h.outer}px, content ${h.inner}px`;
};

async function articleChecks(browser, siteBase, articleBase, artifacts) {
  const origins = new Set([new URL(siteBase).origin, new URL(articleBase).origin]);
  const outside = new Set();
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: scheme });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(https?|wss?):/.test(url) && !origins.has(new URL(url).origin)) {
        outside.add(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${articleBase}article.html`, { waitUntil: 'load' });
    const frame = (await heights(page)).frame;
    await frame.waitForLoadState('load');
    if (scheme === 'light') {
      await check('the frame fits its content after load', async () => {
        const problem = await until(() => fits(page));
        const { outer } = await heights(page);
        return problem ? [problem] : outer < 200 ? [`the frame is only ${outer}px tall`] : [];
      });
      await check('the frame fits its content after a filter changes', async () => {
        const before = (await heights(page)).outer;
        const select = frame.locator('form#filters select').first();
        const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
        if (values.length === 0) return ['the embed has no filter with a choice'];
        // The rarest choice, so that the cards shown change most.
        await select.selectOption(values[values.length - 1]);
        const problem = await until(async () => (await fits(page)) ?? ((await heights(page)).outer < before ? null : 'not shorter yet'));
        return problem ? [`${problem} (before the filter: ${before}px)`] : [];
      });
      await check('a link in the frame opens in the top window', async () => {
        await select0(frame);
        const link = frame.locator('article.event .event-title a').first();
        const href = await link.evaluate((a) => a.href);
        await Promise.all([page.waitForURL(href), link.click()]);
        return page.url() === href ? [] : [`the top window is at ${page.url()}, not ${href}`];
      });
      await page.goto(`${articleBase}article.html`, { waitUntil: 'load' });
      await (await heights(page)).frame.waitForLoadState('load');
    }
    await check(`axe ${scheme} inside the frame`, async () => runAxe((await heights(page)).frame));
    await until(() => fits(page));
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `embed-article-${scheme}.png`), fullPage: true });
    await context.close();
  }
  report('no request leaves the two origins', [...outside].map((u) => `request to ${u}`));
}

// Resets the filters of the embed.
async function select0(frame) {
  const reset = frame.locator('form#filters button[type=reset]');
  if (await reset.count()) await reset.click();
}

async function widthChecks(browser, siteBase, embeds) {
  const context = await browser.newContext();
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await context.route('**/*', (route) => (route.request().url().startsWith(siteBase) ? route.continue() : route.abort()));
  for (const rel of embeds) {
    for (const width of [300, 800]) {
      await check(`no horizontal scroll at ${width} px: ${rel}`, async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(siteBase + rel, { waitUntil: 'load' });
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        }));
        await page.close();
        return scroll > client ? [`${scroll}px of content in ${client}px`] : [];
      });
    }
  }
  await context.close();
}

// A site of one event with a YouTube video, built by the dateline binary.
function mediaSite(dateline) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-media-'));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('dateline.yaml', 'title: Media facade\n');
  write('content/events/launch.md', [
    '---', 'title: The launch', 'date: 2022-02-21', 'media:',
    '  url: https://www.youtube.com/watch?v=aqz-KE-bpKQ', '  title: The launch, filmed', '  credit: Example Agency',
    '---', 'It happened.', '',
  ].join('\n'));
  const run = spawnSync(dateline, ['--root', dir, 'build'], { encoding: 'utf8', timeout: 60000 });
  if (run.status !== 0) throw new Error(`dateline build failed: ${run.stderr || run.error}`);
  return dir;
}

async function facadeChecks(browser, dateline) {
  let dir;
  let server;
  try {
    dir = mediaSite(dateline);
    server = await serve(path.join(dir, 'site'));
    const base = `http://127.0.0.1:${server.address().port}/`;
    const context = await browser.newContext();
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const requests = [];
    let clicked = false;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      requests.push({ url, afterClick: clicked });
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.goto(`${base}events/launch/index.html`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const before = await page.locator('iframe').count();
    const axe = await runAxe(page);
    const button = page.locator('figure.media button.media-play');
    const visible = await button.isVisible();
    clicked = true;
    if (visible) await button.click();
    const player = page.locator('figure.media iframe.media-player');
    await player.waitFor({ state: 'attached' }).catch(() => {});
    const src = (await player.count()) ? await player.getAttribute('src') : null;
    await until(async () => (requests.some((r) => r.afterClick) ? null : 'no request yet'));
    await context.close();
    const problems = axe.map((v) => `axe: ${v}`);
    if (before !== 0) problems.push(`${before} frame(s) before the click`);
    if (!visible) problems.push('the play button is not shown');
    if (!src?.startsWith('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ')) problems.push(`the player is ${src}`);
    for (const r of requests.filter((r) => !r.afterClick)) problems.push(`before the click: ${r.url}`);
    if (!requests.some((r) => r.afterClick && r.url.startsWith('https://www.youtube-nocookie.com/'))) {
      problems.push('no request to the player after the click');
    }
    return problems;
  } finally {
    if (server) server.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const siteDir = fs.realpathSync(args.site);
  const embeds = listHtml(siteDir).filter((f) => f === 'embed/index.html' || /\/embed\/index\.html$/.test(f));
  console.log(`checking ${embeds.length} embed pages in ${args.site}`);
  if (!embeds.includes('embed/index.html')) report('embed/index.html exists', ['missing']);
  const validity = validateHtml(args.site, siteDir, embeds);
  const snippet = readmeSnippet();
  const articleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-article-'));
  const siteServer = await serve(siteDir);
  const articleServer = await serve(articleDir);
  const siteBase = `http://127.0.0.1:${siteServer.address().port}/`;
  const articleBase = `http://127.0.0.1:${articleServer.address().port}/`;
  fs.writeFileSync(path.join(articleDir, 'article.html'), article(snippet, siteBase.replace(/\/$/, '')));
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    await articleChecks(browser, siteBase, articleBase, args.artifacts);
    const term = embeds.find((f) => f.startsWith('tags/')) ?? embeds.find((f) => f !== 'embed/index.html');
    await widthChecks(browser, siteBase, ['embed/index.html', term].filter(Boolean));
    await check('a media facade loads its player on a click, and not before', () => facadeChecks(browser, args.dateline));
  } catch (err) {
    report('browser checks', [String(err?.message ?? err).split('\n')[0]]);
  } finally {
    if (browser) await browser.close();
    siteServer.close();
    articleServer.close();
    fs.rmSync(articleDir, { recursive: true, force: true });
  }
  report(`html validity (${embeds.length} embed pages)`, await validity);
  console.log(`screenshots in ${args.artifacts}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const timer = setTimeout(() => {
    console.error(`check-embed: gave up after ${TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, TIMEOUT_MS);
  timer.unref();
  main().then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(`check-embed: ${err.message}`); process.exitCode = 1; },
  );
}
