#!/usr/bin/env node
// Checks a built dateline site the way a browser and a reader see it.
//
//   node web/check-site.mjs SITE_DIR [--artifacts DIR]
//
// What it checks (each line of the summary is one named check):
//   1. HTML validity: the W3C Nu validator (vnu-jar) over every .html file.
//   2. Accessibility: axe-core (WCAG 2.0/2.1 A and AA, best practices) with zero
//      violations on index.html, one event, one source and one tag page, each in
//      light and dark colour scheme; also tags/index.html and 404.html in light,
//      and corrections/index.html, when the site has one, in light and dark.
//   3. Without JavaScript every event of index.html is there and readable.
//   4. The filter of index.html, against the theme's contract (see README.md):
//      <form id="filters">, data-* attributes on the events, URL query, status.
//   5. Layout: no horizontal scrolling at 320 px on index, event, source, tag page;
//      the overview's year labels readable and apart at 320 and 390 px.
//   6. Screenshots, always: index.html at 390 and 1280 px in light and dark, one
//      event page at 390 and 1280 px, into --artifacts DIR (default web/artifacts).
//   7. Size: index.html plus the CSS and JS files it loads stay under 150 KB.
//   8. On every page opened: no request to another host, no console error.
//
//   node web/check-site.mjs SITE_DIR --under ru [--artifacts DIR]
//
// checks the pages of SITE_DIR/ru/ (a site's version in another language) as
// above, served from SITE_DIR as they are published.
//
//   node web/check-site.mjs SITE_DIR --paged [--artifacts DIR]
//
// checks a site whose timeline is cut into pages (more events than page_size)
// instead: the validator as above; axe in light and dark on the front page, a
// year page (and one with month pages), a month page, page 2 of a term and of
// a source; without JavaScript, walking from the front page to the year and
// month pages, every event on exactly one of them (the one events.json names)
// and in order, and the lists' counts; the filter of a year page (its options
// are the terms of its cards); 320 px layout of those pages; screenshots of the
// front page and the year pages (paged-*.png); the front page's size.
// The site is served on 127.0.0.1 (ephemeral port) and opened in Debian's
// Chromium through playwright-core. It ends with the line "N passed, M failed"
// and exits 1 when M > 0.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const TIMEOUT_MS = 1000 * (Number(process.env.CHECK_SITE_TIMEOUT) || 240); // whole run
const ACTION_TIMEOUT_MS = 5000; // one click, selection, navigation or wait
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // a second guard besides the request routing below: no other host resolves at all
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SIZE_BUDGET = 150 * 1024; // bytes: index.html + the CSS and JS it loads
const DEFAULT_ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const NOT_TAXONOMIES = new Set(['events', 'sources']); // top-level folders that are no taxonomy
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// ---------------------------------------------------------------- results

const tally = { passed: 0, failed: 0 };
const MAX_LINES = 12; // problems printed per check

// Records one check: prints "ok" or "FAIL" with one indented line per problem.
function report(name, problems) {
  if (problems.length === 0) {
    tally.passed++;
    console.log(`ok   ${name}`);
  } else {
    tally.failed++;
    console.log(`FAIL ${name} (${problems.length})`);
    for (const p of problems.slice(0, MAX_LINES)) console.log(`     ${p}`);
    if (problems.length > MAX_LINES) console.log(`     ... and ${problems.length - MAX_LINES} more`);
  }
}

// Runs one check; an exception becomes its single problem.
async function check(name, fn) {
  let problems;
  try {
    problems = await fn();
  } catch (err) {
    problems = [`could not check: ${firstLine(err)}`];
  }
  report(name, problems);
}

const firstLine = (err) => String(err?.message ?? err).split('\n')[0];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------- arguments and files

function parseArgs(argv) {
  const args = { site: null, artifacts: DEFAULT_ARTIFACTS, paged: false, under: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // --screenshots is the old name of --artifacts
    if (a === '--artifacts' || a === '--screenshots') args.artifacts = argv[++i];
    else if (/^--(artifacts|screenshots)=/.test(a)) args.artifacts = a.slice(a.indexOf('=') + 1);
    else if (a === '--paged') args.paged = true;
    else if (a === '--under') args.under = argv[++i].replace(/\/+$/, '');
    else if (!args.site && !a.startsWith('--')) args.site = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!args.site || !args.artifacts) {
    throw new Error('usage: node web/check-site.mjs SITE_DIR [--paged] [--artifacts DIR]');
  }
  if (!fs.statSync(args.site, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`not a directory: ${args.site}`);
  }
  return args;
}

// Every .html file under dir, as sorted paths relative to dir with "/" separators.
function listHtml(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listHtml(dir, rel));
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

// The names of the sub-folders of siteDir/dir (none if it does not exist).
function subfolders(siteDir, dir) {
  const full = path.join(siteDir, dir);
  if (!fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
  return fs.readdirSync(full, { withFileTypes: true })
    .filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

// The taxonomies of the site: top-level folders with an index.html and term
// folders, other than events/ and sources/ (the demo has tags/ and people/),
// and other than the year folders of a paged timeline (2022/, with 2022/03/).
// On a site in several languages, the other languages' folders (ru/), which
// the front page names as its alternates, are no taxonomy either.
function findTaxonomies(siteDir, htmlFiles) {
  const front = htmlFiles.includes('index.html') ? fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8') : '';
  const isLanguage = (dir) => front.includes(`<link rel="alternate" hreflang="${dir}" `);
  return subfolders(siteDir, '.').filter((dir) => !NOT_TAXONOMIES.has(dir) && !isYearFolder(dir) && !isLanguage(dir)
    && htmlFiles.includes(`${dir}/index.html`)
    && htmlFiles.some((f) => f.startsWith(`${dir}/`) && f.split('/').length === 3));
}

// The pages the browser checks use, as site-relative paths (null when missing).
// Of events, sources and tags, the biggest page is taken, as it has the most markup.
function pickPages(siteDir, htmlFiles) {
  const biggest = (dir) => htmlFiles
    .filter((f) => new RegExp(`^${dir}/[^/]+/index\\.html$`).test(f))
    .map((f) => ({ f, size: fs.statSync(path.join(siteDir, f)).size }))
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f))[0]?.f ?? null;
  const has = (f) => (htmlFiles.includes(f) ? f : null);
  return {
    index: has('index.html'),
    event: biggest('events'),
    source: biggest('sources'),
    tag: biggest('tags'),
    tagIndex: has('tags/index.html'),
    notFound: has('404.html'),
    corrections: has('corrections/index.html'), // only on a site with corrections
    // The largest event page showing a picture, when it is not `event`
    // (pictures: lead image, body image, srcset): checked the same way.
    picture: htmlFiles
      .filter((f) => /^events\/[^/]+\/index\.html$/.test(f) && f !== biggest('events'))
      .filter((f) => fs.readFileSync(path.join(siteDir, f), 'utf8').includes('<img '))
      .sort()[0] ?? null,
  };
}

// A year page's folder, as dateline names it: digits, or digits and "-bce" (2022, 44-bce).
const isYearFolder = (name) => /^\d+(-bce)?$/.test(name);

// The year and month pages of a paged timeline, as site-relative paths:
// <year>/index.html and <year>/<MM>/index.html.
function periodPages(htmlFiles) {
  return htmlFiles.filter((f) => {
    const parts = f.split('/');
    return isYearFolder(parts[0]) && (parts.length === 2
      || (parts.length === 3 && /^(0[1-9]|1[0-2])$/.test(parts[1])));
  });
}

// The pages the checks of a paged site use (null when missing): the front
// page, a year page, a year page with month pages (splitYear, which may be
// the same), a month page, page 2 of a term (of tags/ when it has one) and
// page 2 of a source. Of each kind the biggest page is taken.
function pickPagedPages(siteDir, htmlFiles, taxonomies) {
  const biggest = (re) => htmlFiles.filter((f) => re.test(f))
    .map((f) => ({ f, size: fs.statSync(path.join(siteDir, f)).size }))
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f))[0]?.f ?? null;
  const periods = periodPages(htmlFiles);
  const years = periods.filter((f) => f.split('/').length === 2);
  const months = periods.filter((f) => f.split('/').length === 3);
  const split = new Set(months.map((f) => `${f.split('/')[0]}/index.html`));
  const term2 = (tax) => biggest(new RegExp(`^${tax}/[^/]+/page/2/index\\.html$`));
  const others = taxonomies.filter((t) => t !== 'tags').map(term2).filter(Boolean);
  return {
    index: htmlFiles.includes('index.html') ? 'index.html' : null,
    year: biggest({ test: (f) => years.includes(f) }),
    splitYear: biggest({ test: (f) => split.has(f) }),
    month: biggest({ test: (f) => months.includes(f) }),
    termPage2: (taxonomies.includes('tags') ? term2('tags') : null) ?? others[0] ?? null,
    sourcePage2: biggest(/^sources\/[^/]+\/page\/2\/index\.html$/),
  };
}

// ---------------------------------------------------------------- HTML validity (Nu validator)

function runProcess(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// One run of the Nu validator over all files; returns "file:line:col: message" lines.
async function validateHtml(siteArg, siteDir, htmlFiles) {
  if (htmlFiles.length === 0) return ['no .html files'];
  const jar = String(require('vnu-jar'));
  const files = htmlFiles.map((f) => path.join(siteDir, f));
  let run;
  try {
    run = await runProcess('java', [
      '-jar', jar, '--errors-only', '--exit-zero-always', '--stdout', '--format', 'json', ...files,
    ]);
  } catch (err) {
    return [`could not run java: ${err.message} (run .ci/install-test-tools)`];
  }
  const { code, stdout, stderr } = run;
  if (code !== 0) return [`validator exited with ${code}: ${stderr.trim() || stdout.trim()}`];
  return JSON.parse(stdout).messages.map((m) => {
    const file = m.url?.startsWith('file:')
      ? path.join(siteArg, path.relative(siteDir, fileURLToPath(m.url)))
      : m.url ?? '?';
    const line = m.firstLine ?? m.lastLine ?? 0;
    const col = m.firstColumn ?? m.lastColumn ?? 0;
    return `${file}:${line}:${col}: ${m.message}`;
  });
}

// ---------------------------------------------------------------- static server

// Serves root on 127.0.0.1 at an ephemeral port; resolves to the server.
function serve(root) {
  const server = http.createServer((req, res) => {
    try {
      handleRequest(root, req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// GET or HEAD of a file under root; a directory gives its index.html.
function handleRequest(root, req, res) {
  const reply = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'method not allowed');
  let rawPath;
  let pathname;
  try {
    rawPath = new URL(req.url, 'http://127.0.0.1').pathname;
    pathname = decodeURIComponent(rawPath);
  } catch {
    return reply(400, 'bad request');
  }
  let file = safeResolve(root, pathname);
  let stat = file && fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) return reply(301, 'moved', { location: `${rawPath}/` });
    file = path.join(file, 'index.html');
    stat = fs.statSync(file, { throwIfNoEntry: false });
  }
  // realpath too, so that a symbolic link cannot lead outside root
  if (!stat?.isFile() || !isInside(root, fs.realpathSync(file))) return reply(404, 'not found');
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': stat.size });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(file).pipe(res);
}

function isInside(root, file) {
  return file === root || file.startsWith(root + path.sep);
}

// The file that a URL path names under root, or null if it would be outside root.
function safeResolve(root, pathname) {
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  return isInside(root, file) ? file : null;
}

// ---------------------------------------------------------------- browser: contexts and pages

function isExternal(url) {
  const { protocol, hostname } = new URL(url);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && hostname !== '127.0.0.1';
}

// What each page (by site-relative path, whatever the query) did, over every
// mode it was opened in: requests to other hosts and console errors.
const pageLogs = new Map();

function pageLog(rel) {
  if (!pageLogs.has(rel)) pageLogs.set(rel, { external: new Set(), errors: [] });
  return pageLogs.get(rel);
}

// One browser context per mode ("light", "dark", "no-js", "filter"); requests to
// other hosts are recorded (by page) and aborted.
async function newMode(browser, base, mode, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return { context, base, mode, colorScheme: mode === 'dark' ? 'dark' : 'light' };
}

// Opens base + rel + query in a new page of the mode; colour scheme and viewport
// are set before loading. Console errors and other hosts go to pageLog(rel).
async function openPage(mode, rel, { query = '', viewport = null } = {}) {
  const page = await mode.context.newPage();
  const log = pageLog(rel);
  const label = `[${mode.mode}${viewport ? ` ${viewport.width}px` : ''}]`;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!isExternal(url)) return route.continue();
    log.external.add(url);
    return route.abort('blockedbyclient');
  });
  page.on('websocket', (ws) => { if (isExternal(ws.url())) log.external.add(ws.url()); });
  page.on('console', (msg) => {
    // A blocked request to another host also logs an error; it is reported once, as external.
    const source = msg.location()?.url;
    if (msg.type() === 'error' && !(source && isExternal(source))) {
      log.errors.push(`${label} console: ${msg.text()}${source ? ` (${source})` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.errors.push(`${label} page error: ${firstLine(err)}`));
  await page.emulateMedia({ colorScheme: mode.colorScheme });
  if (viewport) await page.setViewportSize(viewport);
  const response = await page.goto(mode.base + rel + query, { waitUntil: 'load' });
  const status = response?.status();
  if (status !== 200) log.errors.push(`${label} HTTP status ${status} for ${rel}${query}`);
  return page;
}

// Opens a page, runs fn(page) and closes the page.
async function withPage(mode, rel, options, fn) {
  const page = await openPage(mode, rel, options);
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- 2. accessibility (axe)

// Runs axe-core in the page; returns one line (or two) per violation.
async function runAxe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      html: v.nodes[0]?.html ?? '',
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  }, AXE_TAGS);
  return violations.map((v) => {
    const more = v.count > v.targets.length ? ` (+${v.count - v.targets.length} more)` : '';
    const html = v.html.replace(/\s+/g, ' ').slice(0, 120);
    const why = v.summary.split('\n').slice(1).join(' ').trim().slice(0, 160);
    return `${v.id} [${v.impact}] ${v.targets.join(', ')}${more}: ${v.help}`
      + `\n       e.g. ${html}${why ? `\n       ${why}` : ''}`;
  });
}

async function axeChecks(modes, pages) {
  const both = [pages.index, pages.event, pages.source, pages.tag];
  const kinds = ['index.html', 'an event page', 'a source page', 'a tag page (tags/<term>/)'];
  for (const mode of [modes.light, modes.dark]) {
    for (const [i, rel] of both.entries()) {
      if (!rel) {
        report(`axe ${mode.mode} ${kinds[i]}`, [`the site has no ${kinds[i]}`]);
        continue;
      }
      await check(`axe ${mode.mode} ${rel}`, () => withPage(mode, rel, {}, runAxe));
    }
  }
  if (pages.picture) {
    for (const mode of [modes.light, modes.dark]) {
      await check(`axe ${mode.mode} ${pages.picture}`, () => withPage(mode, pages.picture, {}, runAxe));
    }
  }
  for (const [rel, kind] of [[pages.tagIndex, 'tags/index.html'], [pages.notFound, '404.html']]) {
    if (!rel) report(`axe light ${kind}`, [`the site has no ${kind}`]);
    else await check(`axe light ${rel}`, () => withPage(modes.light, rel, {}, runAxe));
  }
  if (pages.corrections) {
    for (const mode of [modes.light, modes.dark]) {
      await check(`axe ${mode.mode} ${pages.corrections}`, () => withPage(mode, pages.corrections, {}, runAxe));
    }
  }
}

// The pages of a paged site, each in light and dark.
async function pagedAxeChecks(modes, pages) {
  const kinds = [
    [pages.index, 'front page (index.html)'],
    [pages.year, 'year page (<year>/index.html)'],
    ...(pages.splitYear === pages.year ? [] : [[pages.splitYear, 'year page with month pages']]),
    [pages.month, 'month page (<year>/<MM>/index.html)'],
    [pages.termPage2, 'page 2 of a term (<taxonomy>/<term>/page/2/)'],
    [pages.sourcePage2, 'page 2 of a source (sources/<id>/page/2/)'],
  ];
  for (const mode of [modes.light, modes.dark]) {
    for (const [rel, kind] of kinds) {
      if (!rel) report(`axe ${mode.mode} ${kind}`, [`the site has no ${kind}`]);
      else await check(`axe ${mode.mode} ${rel}`, () => withPage(mode, rel, {}, runAxe));
    }
  }
}

// ---------------------------------------------------------------- 3. without JavaScript

// Every event folder has a visible article in ol.events on index.html, with a
// linked heading and a date (a <time> element or text with a year).
async function noJsChecks(mode, siteDir, indexRel) {
  const folders = subfolders(siteDir, 'events');
  await withPage(mode, indexRel, {}, async (page) => {
    const articles = page.locator('ol.events > li article');
    const info = await articles.evaluateAll((els) => els.map((a) => {
      const heading = a.querySelector('h1, h2, h3, h4, h5, h6');
      const link = heading?.querySelector('a[href]');
      const rest = [...a.childNodes].filter((n) => n !== heading).map((n) => n.textContent).join(' ');
      return {
        title: (heading ?? a).textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
        heading: Boolean(heading),
        href: link ? new URL(link.getAttribute('href'), location.href).pathname : null,
        time: Boolean(a.querySelector('time')),
        dateText: /\b\d{3,4}s?\b/.test(rest),
      };
    }));

    await check('no-js: index.html lists one article per events/ folder', async () => {
      const problems = [];
      if (info.length !== folders.length) {
        problems.push(`${info.length} "ol.events > li article" elements, but ${folders.length} folders in SITE/events/`);
      }
      const linked = new Set(info.map((a) => a.href?.match(/\/events\/([^/]+)\//)?.[1]).filter(Boolean));
      for (const f of folders) if (!linked.has(f)) problems.push(`no article links to events/${f}/`);
      return problems;
    });

    await check('no-js: every event article is visible, with a linked heading and a date', async () => {
      const problems = [];
      if (info.length === 0) return ['no "ol.events > li article" on index.html'];
      for (const [i, a] of info.entries()) {
        const what = `article ${i + 1} "${a.title}"`;
        if (!(await articles.nth(i).isVisible())) problems.push(`${what} is not visible`);
        if (!a.heading) problems.push(`${what} has no heading (h1-h6)`);
        else if (!a.href) problems.push(`${what}: its heading has no link`);
        if (!a.time && !a.dateText) problems.push(`${what} has no <time> element and no date text`);
      }
      return problems;
    });
  });
}

// What a timeline page shows with JavaScript off: its same-host links (as
// site-relative paths, with the text of their list item, if any) and its
// event articles.
function readTimelinePage(page) {
  return page.evaluate(() => {
    const squash = (text) => text.trim().replace(/\s+/g, ' ');
    const target = (a) => {
      const url = new URL(a.getAttribute('href'), location.href);
      if (url.origin !== location.origin) return null;
      const rel = decodeURIComponent(url.pathname).slice(1);
      return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    };
    const links = [...document.querySelectorAll('a[href]')]
      .map((a) => ({ rel: target(a), item: a.closest('li') ? squash(a.closest('li').textContent) : null }))
      .filter((l) => l.rel);
    const articles = [...document.querySelectorAll('ol.events > li article')].map((a) => {
      const heading = a.querySelector('h1, h2, h3, h4, h5, h6');
      const link = heading?.querySelector('a[href]');
      const rest = [...a.childNodes].filter((n) => n !== heading).map((n) => n.textContent).join(' ');
      const href = link ? new URL(link.getAttribute('href'), location.href).pathname : null;
      return {
        id: a.id,
        title: squash((heading ?? a).textContent).slice(0, 60),
        heading: Boolean(heading),
        slug: href?.match(/\/events\/([^/]+)\//)?.[1] ?? null,
        href,
        time: Boolean(a.querySelector('time')),
        dateText: /\b\d{3,4}s?\b/.test(rest),
        visible: a.checkVisibility(),
      };
    });
    return { links, articles };
  });
}

// events.json's events in order, with the page each one's card is on
// (timeline_url without base_url and #fragment); null without events.json.
function readEventsJson(siteDir) {
  const file = path.join(siteDir, 'events.json');
  if (!fs.existsSync(file)) return null;
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = json.base_url ?? '';
  return json.events.map((e) => {
    const url = String(e.timeline_url ?? '');
    const rel = base && url.startsWith(base) ? url.slice(base.length) : url;
    return { slug: e.slug, page: decodeURIComponent(rel.split('#')[0].replace(/^\//, '')) };
  });
}

// A paged timeline without JavaScript: the front page has no cards and links
// to the year pages; each year page links to its month pages. Walking those
// links, every event is on exactly one page (the one events.json names), in
// order, each list gives its period's count, and every card is readable.
async function pagedNoJsChecks(mode, siteDir, htmlFiles, frontRel) {
  const folders = subfolders(siteDir, 'events');
  const periods = periodPages(htmlFiles);
  const isYear = (rel) => periods.includes(rel) && rel.split('/').length === 2;
  const isMonthOf = (year) => (rel) => periods.includes(rel) && rel.split('/').length === 3
    && rel.split('/')[0] === year.split('/')[0];
  // The pages a page links to that pass `keep`, in order, each once; the links
  // in list items (the lists of years and months) come first.
  const targets = (links, keep) => {
    const wanted = links.filter((l) => keep(l.rel));
    const listed = wanted.filter((l) => l.item !== null);
    return [...new Set((listed.length ? listed : wanted).map((l) => l.rel))];
  };
  const read = (rel) => withPage(mode, rel, {}, readTimelinePage);

  const front = await read(frontRel);
  const yearRels = targets(front.links, isYear);
  const groups = []; // per year: [{ rel, articles }], its page first, then its months
  const counts = []; // { from, links, rel, n }: a list's link to a period and its number of cards
  for (const yearRel of yearRels) {
    const year = await read(yearRel);
    const group = [{ rel: yearRel, articles: year.articles }];
    for (const monthRel of targets(year.links, isMonthOf(yearRel))) {
      const month = await read(monthRel);
      group.push({ rel: monthRel, articles: month.articles });
      counts.push({ from: yearRel, links: year.links, rel: monthRel, n: month.articles.length });
    }
    const n = group.reduce((sum, p) => sum + p.articles.length, 0);
    counts.push({ from: frontRel, links: front.links, rel: yearRel, n });
    groups.push(group);
  }
  const pages = groups.flat();

  await check(`no-js: ${frontRel} is a front page: no event cards, links to ${yearRels.length} year pages`, async () => {
    const problems = [];
    if (front.articles.length) {
      problems.push(`${frontRel} has ${front.articles.length} "ol.events > li article" elements; a paged site's front page lists years, not events`);
    }
    if (!yearRels.length) problems.push(`${frontRel} links to no year page (<year>/index.html)`);
    return problems;
  });

  const events = readEventsJson(siteDir);
  await check(`no-js: every event is on exactly one timeline page (${pages.length} pages reached from ${frontRel})`, async () => {
    const problems = [];
    const where = new Map(); // slug -> [page, ...]
    for (const p of pages) {
      for (const [i, a] of p.articles.entries()) {
        if (!a.slug) { problems.push(`${p.rel}: article ${i + 1} "${a.title}" links to no events/<slug>/ page`); continue; }
        if (!where.has(a.slug)) where.set(a.slug, []);
        where.get(a.slug).push(p.rel);
        if (a.id !== a.slug) problems.push(`${p.rel}: the card of events/${a.slug}/ has id="${a.id}", not "${a.slug}"`);
      }
    }
    for (const f of folders) {
      const on = where.get(f) ?? [];
      if (on.length === 0) problems.push(`events/${f}/ is on no timeline page`);
      if (on.length > 1) problems.push(`events/${f}/ is on ${on.length} pages: ${on.join(', ')}`);
    }
    for (const slug of where.keys()) if (!folders.includes(slug)) problems.push(`a card links to events/${slug}/, which is not in the site`);
    const reached = new Set(pages.map((p) => p.rel));
    for (const rel of periods) if (!reached.has(rel)) problems.push(`${rel} is not reached from ${frontRel} (through the years' and months' lists)`);
    if (!events) problems.push('no events.json to say which page holds each event');
    for (const e of events ?? []) {
      const on = where.get(e.slug);
      if (on?.length === 1 && on[0] !== e.page) problems.push(`events/${e.slug}/ is on ${on[0]}, but events.json's timeline_url says ${e.page}`);
    }
    return problems;
  });

  await check('no-js: the timeline pages list the events in order (that of events.json)', async () => {
    if (!events) return ['not run: no events.json'];
    const order = new Map(events.map((e, i) => [e.slug, i]));
    const at = (a) => order.get(a.slug) ?? -1;
    const name = (a) => `"${a.title.slice(0, 40)}"`;
    const problems = [];
    for (const p of pages) {
      for (let i = 1; i < p.articles.length; i++) {
        const [a, b] = [p.articles[i - 1], p.articles[i]];
        if (at(b) < at(a)) problems.push(`${p.rel} lists ${name(b)} after ${name(a)}, but events.json has it first`);
      }
    }
    // The last of what comes before, against the first of what follows.
    const ends = (list) => {
      const all = list.flatMap((p) => p.articles).filter((a) => order.has(a.slug));
      if (!all.length) return null;
      const by = (f) => all.reduce((x, y) => (f(at(y), at(x)) ? y : x));
      return { first: by((y, x) => y < x), last: by((y, x) => y > x) };
    };
    const follows = (before, after) => {
      const [a, b] = [ends(before), ends(after)];
      if (a && b && at(b.first) < at(a.last)) {
        problems.push(`${after[0].rel} (read after ${before[0].rel}) has ${name(b.first)}, which events.json puts before ${name(a.last)} there`);
      }
    };
    for (let g = 1; g < groups.length; g++) follows(groups[g - 1], groups[g]);
    for (const group of groups) {
      for (let m = 2; m < group.length; m++) follows([group[m - 1]], [group[m]]);
    }
    return problems;
  });

  await check('no-js: the lists of years and months give each page\'s number of events', async () => {
    const problems = [];
    for (const { from, links, rel, n } of counts) {
      const items = links.filter((l) => l.rel === rel && l.item !== null).map((l) => l.item);
      if (!items.length) problems.push(`${from}: no list item links to ${rel}`);
      else if (!items.some((t) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(t))) {
        problems.push(`${from}: "${items[0].slice(0, 50)}" does not give the ${n} events of ${rel} (its pages)`);
      }
    }
    return problems;
  });

  const articles = pages.flatMap((p) => p.articles.map((a) => ({ ...a, rel: p.rel })));
  await check(`no-js: every event article is visible, with a linked heading and a date (${articles.length} on ${pages.length} pages)`, async () => {
    const problems = [];
    if (articles.length === 0) return ['no "ol.events > li article" on the timeline pages'];
    for (const a of articles) {
      const what = `${a.rel}: "${a.title}"`;
      if (!a.visible) problems.push(`${what} is not visible`);
      if (!a.heading) problems.push(`${what} has no heading (h1-h6)`);
      else if (!a.href) problems.push(`${what}: its heading has no link`);
      if (!a.time && !a.dateText) problems.push(`${what} has no <time> element and no date text`);
    }
    return problems;
  });
}

// ---------------------------------------------------------------- 4. the filter

// What index.html shows of the filter contract, in one snapshot.
function snapshot(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').trim().replace(/\s+/g, ' ');
    const form = document.getElementById('filters');
    const status = document.getElementById('filter-status');
    const lis = [...document.querySelectorAll('ol.events > li')];
    return {
      search: location.search,
      form: form && {
        tag: form.tagName.toLowerCase(),
        visible: form.checkVisibility(),
        selects: [...form.querySelectorAll('select')].map((s) => ({
          name: s.name, value: s.value, options: [...s.options].map((o) => o.value),
        })),
        inputs: [...form.querySelectorAll('input')].map((i) => ({ name: i.name, type: i.type, value: i.value })),
      },
      status: status && { role: status.getAttribute('role'), text: text(status) },
      events: lis.map((li) => ({
        data: Object.fromEntries([...li.attributes].filter((a) => a.name.startsWith('data-'))
          .map((a) => [a.name.slice(5), a.value.split(/\s+/).filter(Boolean)])),
        title: text(li.querySelector('h1, h2, h3, h4, h5, h6')),
        summary: text(li.querySelector('.summary')),
        visible: li.checkVisibility(),
        hidden: li.hidden,
      })),
      sections: [...document.querySelectorAll('section')].filter((s) => s.querySelector('ol.events > li'))
        .map((s) => ({
          label: text(s.querySelector('h1, h2, h3, h4, h5, h6')) || s.id || '?',
          visible: s.checkVisibility(),
          anyVisible: [...s.querySelectorAll('ol.events > li')].some((li) => li.checkVisibility()),
        })),
    };
  });
}

// The longest word (letters and digits) of text, the first of equals; null if none.
const longestWord = (text) => (text.match(/[\p{L}\p{N}]+/gu) ?? [])
  .reduce((a, b) => (b.length > a.length ? b : a), '') || null;

const TAG_SELECT = '#filters select[name="tags"]';
const Q_INPUT = '#filters input[name="q"]';
const describeEvent = (s, i) => `#${i + 1} "${s.events[i].title.slice(0, 50)}"`;
const visibleSet = (s) => s.events.flatMap((e, i) => (e.visible ? [i] : []));

// Everything in which the snapshot differs from "exactly the events `expected` are shown".
function shownProblems(s, expected) {
  const want = new Set(expected);
  const problems = [];
  const noAttribute = [];
  for (const [i, e] of s.events.entries()) {
    if (want.has(i) && !e.visible) problems.push(`${describeEvent(s, i)} should be shown but is hidden`);
    if (!want.has(i) && e.visible) problems.push(`${describeEvent(s, i)} should be hidden but is shown`);
    if (!want.has(i) && !e.visible && !e.hidden) noAttribute.push(`#${i + 1}`);
  }
  if (noAttribute.length) {
    problems.push(`${noAttribute.length} hidden events lack the hidden attribute: ${noAttribute.join(', ')}`);
  }
  for (const sec of s.sections) {
    if (!sec.anyVisible && sec.visible) problems.push(`section "${sec.label}" shows no event but is not hidden`);
    if (sec.anyVisible && !sec.visible) problems.push(`section "${sec.label}" has shown events but is hidden`);
  }
  return problems;
}

// The #filter-status text must name the visible count.
function statusProblems(s) {
  const count = visibleSet(s).length;
  if (!s.status) return ['no #filter-status element'];
  return new RegExp(`(^|\\D)${count}(\\D|$)`).test(s.status.text) ? []
    : [`#filter-status says "${s.status.text}", which does not contain the visible count ${count}`];
}

// The query must hold exactly the non-empty parameters in `want` ({ tags: 'x', q: '' ... }).
function queryProblems(s, want) {
  const params = new URLSearchParams(s.search);
  const problems = [];
  for (const [key, value] of Object.entries(want)) {
    if (value && params.get(key) !== value) problems.push(`location.search "${s.search}" lacks ${key}=${value}`);
    if (!value && params.has(key)) problems.push(`location.search "${s.search}" has an empty or stale ${key}=`);
  }
  return problems;
}

// Waits (briefly) until exactly the events `expected` are visible, then takes a snapshot.
async function settle(page, expected) {
  await page.waitForFunction((want) => {
    const shown = [...document.querySelectorAll('ol.events > li')]
      .flatMap((li, i) => (li.checkVisibility() ? [i] : []));
    return shown.join() === want.join();
  }, expected, { timeout: 2000 }).catch(() => {});
  return snapshot(page);
}

// Everything the contract asks of the page `rel` before any filtering. With
// `scoped` (a year page of a paged site, whose options are the terms of its
// own cards), a taxonomy that none of the page's cards has may have no select.
function contractProblems(s, taxonomies, siteDir, rel = 'index.html', scoped = false) {
  const problems = [];
  if (!s.form) return [`${rel} has no element with id="filters" (expected <form id="filters">)`];
  if (s.form.tag !== 'form') problems.push(`#filters is a <${s.form.tag}>, not a <form>`);
  if (!s.form.visible) problems.push('#filters is still hidden (or not displayed) after the page\'s script ran');
  const selects = new Map(s.form.selects.map((sel) => [sel.name, sel]));
  for (const name of [...taxonomies, 'outlet']) {
    const sel = selects.get(name);
    const attr = name === 'outlet' ? 'outlets' : name;
    if (!sel && scoped && s.events.length && s.events.every((e) => e.data[attr]?.length === 0)) continue;
    if (!sel) { problems.push(`no <select name="${name}"> in #filters`); continue; }
    if (sel.options[0] !== '') {
      problems.push(`<select name="${name}">: first option has value "${sel.options[0] ?? '(no options)'}", not ""`);
    }
    const used = new Set(s.events.flatMap((e) => e.data[attr] ?? []));
    if (s.events.length && !s.events.some((e) => attr in e.data)) {
      problems.push(`no "ol.events > li" has a data-${attr} attribute`);
    }
    const values = sel.options.filter(Boolean);
    for (const v of values) if (!used.has(v)) problems.push(`<select name="${name}"> option "${v}" matches no li[data-${attr}~="${v}"]`);
    for (const v of used) if (!values.includes(v)) problems.push(`data-${attr} slug "${v}" has no option in <select name="${name}">`);
    if (name !== 'outlet') {
      const terms = new Set(subfolders(siteDir, name));
      for (const v of values) if (!terms.has(v)) problems.push(`<select name="${name}"> option "${v}" is not a term slug (no SITE/${name}/${v}/)`);
    }
  }
  const q = s.form.inputs.find((i) => i.name === 'q');
  if (!q) problems.push('no <input type="search" name="q"> in #filters');
  else if (q.type !== 'search') problems.push(`<input name="q"> has type="${q.type}", not "search"`);
  if (!s.status) problems.push('no element with id="filter-status" (with role="status")');
  else if (s.status.role !== 'status') problems.push(`#filter-status has role="${s.status.role ?? ''}", not "status"`);
  return problems;
}

async function filterChecks(mode, siteDir, indexRel, taxonomies, scoped = false) {
  const names = {
    contract: `filter: ${indexRel} has the #filters form of the contract${scoped ? ' (options: the terms of its cards)' : ''}`,
    tag: 'filter: choosing the rarest tag shows exactly its events',
    url: 'filter: the tag is in the URL query (tags=<slug>)',
    status: 'filter: #filter-status gives the visible count',
    reload: 'filter: reload keeps the shown events and the selected tag',
    text: 'filter: a word typed in q shows the events whose title or summary has it',
    clear: `filter: ${indexRel} without a query shows all events`,
    keyboard: 'filter: the tag select is reachable with Tab',
  };
  const page = await openPage(mode, indexRel);
  try {
    const s0 = await snapshot(page);
    report(names.contract, contractProblems(s0, taxonomies, siteDir, indexRel, scoped));
    const all = s0.events.map((_, i) => i);

    // Why the tag checks cannot run, if they cannot.
    const tagSelect = s0.form?.selects.find((sel) => sel.name === 'tags');
    const counts = (tagSelect?.options ?? []).filter(Boolean)
      .map((slug) => ({ slug, n: s0.events.filter((e) => e.data.tags?.includes(slug)).length }))
      .filter((c) => c.n > 0);
    const tagBlocker = !s0.form ? `${indexRel} has no <form id="filters">`
      : !tagSelect ? '#filters has no <select name="tags">'
        : !s0.form.visible ? '#filters is hidden'
          : counts.length === 0 ? 'no option of <select name="tags"> matches an li[data-tags~=slug]' : null;
    let word = null;

    if (tagBlocker) {
      for (const n of [names.tag, names.url, names.status, names.reload]) report(n, [`not run: ${tagBlocker}`]);
    } else {
      const { slug, n } = counts.reduce((a, b) => (b.n < a.n ? b : a));
      const expected = all.filter((i) => s0.events[i].data.tags?.includes(slug));
      let s = s0;
      await check(`${names.tag}: "${slug}" (${n} of ${all.length})`, async () => {
        await page.selectOption(TAG_SELECT, slug);
        s = await settle(page, expected);
        return shownProblems(s, expected);
      });
      report(names.url, queryProblems(s, { tags: slug, q: '', outlet: '' }));
      report(names.status, statusProblems(s));
      await check(names.reload, async () => {
        await page.reload({ waitUntil: 'load' });
        const r = await settle(page, expected);
        const value = r.form?.selects.find((sel) => sel.name === 'tags')?.value;
        return [
          ...(value === slug ? [] : [`after reload <select name="tags"> shows "${value}", not "${slug}"`]),
          ...shownProblems(r, expected),
        ];
      });
      const first = (await snapshot(page)).events.find((e) => e.visible) ?? s0.events[expected[0]];
      word = longestWord(first.title);
    }

    const qBlocker = !s0.form ? `${indexRel} has no <form id="filters">`
      : !s0.form.inputs.some((i) => i.name === 'q') ? '#filters has no <input type="search" name="q">'
        : !s0.form.visible ? '#filters is hidden' : null;
    if (!qBlocker) word ??= longestWord(s0.events[0]?.title ?? '');
    if (qBlocker || !word) {
      report(names.text, [`not run: ${qBlocker ?? 'no event title with a word in it'}`]);
    } else {
      const lower = word.toLowerCase();
      const expected = all.filter((i) => `${s0.events[i].title} ${s0.events[i].summary}`.toLowerCase().includes(lower));
      await check(`${names.text}: "${word}" (${expected.length} of ${all.length})`, async () => {
        if (!tagBlocker) await page.selectOption(TAG_SELECT, ''); // the word alone decides
        await page.locator(Q_INPUT).fill('');
        await page.locator(Q_INPUT).pressSequentially(word);
        const s = await settle(page, expected);
        return [...shownProblems(s, expected), ...queryProblems(s, { q: word, tags: '' }), ...statusProblems(s)];
      });
    }

    await check(names.clear, async () => {
      if (!s0.form) return [`not run: ${indexRel} has no <form id="filters">`];
      await page.goto(mode.base + indexRel, { waitUntil: 'load' });
      const s = await settle(page, all);
      const problems = shownProblems(s, all);
      for (const sel of s.form?.selects ?? []) {
        if (sel.value !== '') problems.push(`<select name="${sel.name}"> shows "${sel.value}", not ""`);
      }
      const q = s.form?.inputs.find((i) => i.name === 'q');
      if (q?.value) problems.push(`<input name="q"> holds "${q.value}"`);
      if (s.form) problems.push(...statusProblems(s));
      return problems;
    });
  } finally {
    await page.close();
  }
  await check(names.keyboard, () => withPage(mode, indexRel, {}, (page) => tabTo(page, TAG_SELECT, 40)));
}

// Presses Tab up to `max` times until `selector` has the focus.
async function tabTo(page, selector, max) {
  if (!(await page.$(selector))) return [`not run: no ${selector} on the page`];
  if (!(await page.locator(selector).isVisible())) {
    return [`${selector} is not visible (it or #filters is hidden), so Tab cannot reach it`];
  }
  const path = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const { hit, what } = await page.evaluate((sel) => {
      const el = document.activeElement;
      const what = !el || el === document.body ? 'body'
        : el.tagName === 'A' ? `a "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 20)}"`
          : `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.name ? `[name=${el.name}]` : ''}`;
      return { hit: Boolean(el?.matches(sel)), what };
    }, selector);
    if (hit) return [];
    path.push(what);
  }
  return [`${selector} did not get the focus in ${max} Tab presses; focus went: ${path.slice(0, 15).join(', ')}${path.length > 15 ? ', ...' : ''}`];
}

// ---------------------------------------------------------------- 5. layout

// At 320 px wide the page must not scroll sideways; names the elements that stick out if it does.
async function checkLayout(mode, rel) {
  const width = 320;
  await check(`layout ${width}px ${rel}`, () => withPage(mode, rel, { viewport: { width, height: 800 } }, async (page) => {
    const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => {
      const describe = (el) => el.tagName.toLowerCase()
        + (el.id ? `#${el.id}` : '')
        + (el.classList.length ? `.${[...el.classList].join('.')}` : '');
      // An element sticks out of the viewport, or its content (e.g. a long word) spills out of it.
      const sticksOut = (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5
        || (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
          && getComputedStyle(el).overflowX === 'visible');
      const all = [...document.body.querySelectorAll('*')].filter(sticksOut);
      const innermost = all.filter((el) => !all.some((o) => o !== el && el.contains(o)));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        offenders: innermost.slice(0, 5).map((el) => `${describe(el)} is ${el.scrollWidth}px wide`
          + ` (box ${el.clientWidth}px): "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`),
      };
    });
    return scrollWidth <= innerWidth ? []
      : [`scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`, ...offenders];
  }));
}

// The overview is an SVG scaled to the page: at phone widths its year labels
// must still be readable (at least 10 px tall) and must not run into each other.
async function checkOverviewLabels(mode, rel) {
  for (const width of [320, 390]) {
    await check(`overview labels readable at ${width}px ${rel}`, () => withPage(mode, rel, { viewport: { width, height: 800 } }, async (page) => {
      const boxes = await page.$$eval('figure.overview .tick-label', (labels) => labels
        .filter((l) => getComputedStyle(l).display !== 'none')
        .map((l) => { const r = l.getBoundingClientRect(); return { text: l.textContent, left: r.left, right: r.right, height: r.height }; }));
      if (boxes.length === 0) return ['no overview labels shown'];
      const problems = boxes.filter((b) => b.height < 10).map((b) => `"${b.text}" is ${b.height.toFixed(1)} px tall`);
      boxes.sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i].left < boxes[i - 1].right) problems.push(`"${boxes[i - 1].text}" runs into "${boxes[i].text}"`);
      }
      return problems;
    }));
  }
}

// ---------------------------------------------------------------- 6. screenshots

// Full-page PNGs: index.html at 390 and 1280 px, light and dark; one event page
// at 390 and 1280 px, light. One check: every file was written and is not empty.
async function takeScreenshots(modes, pages, outDir) {
  const shots = [];
  for (const width of [390, 1280]) {
    if (pages.index) for (const m of [modes.light, modes.dark]) shots.push([m, pages.index, 'index', width]);
    if (pages.event) shots.push([modes.light, pages.event, `${path.dirname(pages.event).replaceAll('/', '-')}`, width]);
    if (pages.picture) for (const m of [modes.light, modes.dark]) shots.push([m, pages.picture, `${path.dirname(pages.picture).replaceAll('/', '-')}`, width]);
  }
  const missing = [];
  if (!pages.index) missing.push('no index.html to take');
  if (!pages.event) missing.push('no event page to take');
  await shoot(shots, outDir, missing);
}

// Full-page PNGs of a paged site: the front page and the year pages picked (one
// with month pages) at 390 and 1280 px, light and dark, as
// paged-index-390-light.png, paged-2022-390-light.png, ...
async function takePagedScreenshots(modes, pages, outDir) {
  const shots = [];
  for (const width of [390, 1280]) {
    const years = [...new Set([pages.year, pages.splitYear])].filter(Boolean);
    for (const [rel, name] of [[pages.index, 'index'], ...years.map((y) => [y, path.dirname(y)])]) {
      if (rel) for (const m of [modes.light, modes.dark]) shots.push([m, rel, `paged-${name}`, width]);
    }
  }
  const missing = [];
  if (!pages.index) missing.push('no index.html to take');
  if (!pages.year) missing.push('no year page to take');
  await shoot(shots, outDir, missing);
}

// Takes each [mode, rel, name, width] of `shots` into outDir/<name>-<width>-<scheme>.png:
// one check, failing when a file could not be written or `missing` is not empty.
async function shoot(shots, outDir, missing) {
  await check(`screenshots (${shots.length} PNGs in ${outDir})`, async () => {
    fs.mkdirSync(outDir, { recursive: true });
    const problems = [...missing];
    for (const [mode, rel, name, width] of shots) {
      const file = path.join(outDir, `${name}-${width}-${mode.colorScheme}.png`);
      try {
        await withPage(mode, rel, { viewport: { width, height: 800 } }, async (page) => {
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: file, fullPage: true });
        });
        if (!(fs.statSync(file).size > 1000)) problems.push(`${file} is (almost) empty`);
      } catch (err) {
        problems.push(`${file}: ${firstLine(err)}`);
      }
    }
    return problems;
  });
}

// ---------------------------------------------------------------- 7. size

// index.html plus every same-host CSS and JS file it loads (linked, or fetched,
// e.g. by an import or @import), in bytes as stored, against SIZE_BUDGET.
async function checkSize(mode, siteDir, indexRel) {
  let name = `size: ${indexRel} + its CSS and JS under ${kb(SIZE_BUDGET)}`;
  let problems;
  try {
    problems = await withPage(mode, indexRel, {}, async (page) => {
      const urls = await page.evaluate(() => {
        const sel = 'link[rel~="stylesheet"][href], link[rel="modulepreload"][href], '
          + 'link[rel="preload"][as="script"][href], link[rel="preload"][as="style"][href], script[src]';
        const linked = [...document.querySelectorAll(sel)]
          .map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src'), location.href).href);
        const fetched = performance.getEntriesByType('resource').map((e) => e.name)
          .filter((u) => /\.(css|m?js)$/i.test(new URL(u).pathname));
        return [...new Set([...linked, ...fetched])];
      });
      const host = new URL(mode.base).host;
      const parts = [[indexRel, fs.statSync(path.join(siteDir, indexRel)).size]];
      const out = [];
      for (const u of urls) {
        const url = new URL(u);
        if (url.host !== host) continue; // other hosts are reported by the request check
        const file = safeResolve(siteDir, decodeURIComponent(url.pathname));
        const stat = file && fs.statSync(file, { throwIfNoEntry: false });
        if (!stat?.isFile()) { out.push(`${url.pathname} is linked but not in the site`); continue; }
        parts.push([path.relative(siteDir, file), stat.size]);
      }
      const total = parts.reduce((sum, [, size]) => sum + size, 0);
      const list = parts.map(([f, size]) => `${f} ${size}`).join(' + ');
      name = `size: ${indexRel} + ${parts.length - 1} CSS/JS files = ${total} bytes (${kb(total)}), budget ${kb(SIZE_BUDGET)}`;
      if (total >= SIZE_BUDGET) out.push(`${list} = ${total} bytes, over the budget of ${SIZE_BUDGET}`);
      return out;
    });
  } catch (err) {
    problems = [`could not check: ${firstLine(err)}`];
  }
  report(name, problems);
}

// ---------------------------------------------------------------- 8. requests and console

// One pair of checks per page opened above, over all the modes it was opened in.
function requestAndConsoleChecks() {
  for (const [rel, log] of pageLogs) {
    report(`no other host ${rel}`, [...log.external].map((u) => `request to ${u}`));
    report(`no console errors ${rel}`, [...new Set(log.errors)]);
  }
}

// ---------------------------------------------------------------- main

async function browserChecks(siteDir, pages, taxonomies, artifacts, htmlFiles, paged) {
  const server = await serve(siteDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const modes = {
      light: await newMode(browser, base, 'light'),
      dark: await newMode(browser, base, 'dark'),
      noJs: await newMode(browser, base, 'no-js', { javaScriptEnabled: false }),
      filter: await newMode(browser, base, 'filter'),
    };
    if (paged) await pagedChecks(modes, siteDir, pages, taxonomies, artifacts, htmlFiles);
    else await singlePageChecks(modes, siteDir, pages, taxonomies, artifacts);
    requestAndConsoleChecks();
  } finally {
    if (browser) await browser.close();
    server.close();
  }
}

// A site whose timeline is one page, index.html.
async function singlePageChecks(modes, siteDir, pages, taxonomies, artifacts) {
  await axeChecks(modes, pages);
  if (pages.index) {
    await noJsChecks(modes.noJs, siteDir, pages.index);
    await filterChecks(modes.filter, siteDir, pages.index, taxonomies);
  } else {
    report('index.html exists', ['missing: no-js, filter and size checks not run']);
  }
  for (const rel of [pages.index, pages.event, pages.source, pages.tag, pages.picture].filter(Boolean)) {
    await checkLayout(modes.light, rel);
  }
  if (pages.index) await checkOverviewLabels(modes.light, pages.index);
  await takeScreenshots(modes, pages, artifacts);
  if (pages.index) await checkSize(modes.light, siteDir, pages.index);
}

// A paged site (--paged): the front page, year and month pages, page 2 of a
// term and of a source.
async function pagedChecks(modes, siteDir, pages, taxonomies, artifacts, htmlFiles) {
  await pagedAxeChecks(modes, pages);
  if (pages.index) {
    await pagedNoJsChecks(modes.noJs, siteDir, htmlFiles, pages.index);
  } else {
    report('index.html exists', ['missing: no-js and size checks not run']);
  }
  if (pages.year) await filterChecks(modes.filter, siteDir, pages.year, taxonomies, true);
  else report('filter: a year page', ['not run: the site has no year page (<year>/index.html)']);
  const shown = [pages.index, pages.year, pages.splitYear, pages.month, pages.termPage2, pages.sourcePage2];
  for (const rel of [...new Set(shown.filter(Boolean))]) await checkLayout(modes.light, rel);
  await takePagedScreenshots(modes, pages, artifacts);
  if (pages.index) await checkSize(modes.light, siteDir, pages.index);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const siteDir = fs.realpathSync(args.site);
  // With --under ru, the pages checked are those of ru/ (another language's
  // version of the site), served from the site's root as they are published.
  const subDir = args.under ? path.join(siteDir, args.under) : siteDir;
  const under = (f) => (args.under && f ? `${args.under}/${f}` : f);
  const subHtml = listHtml(subDir);
  const htmlFiles = subHtml.map(under);
  const taxonomies = findTaxonomies(subDir, subHtml);
  const picked = args.paged ? pickPagedPages(subDir, subHtml, taxonomies) : pickPages(subDir, subHtml);
  const pages = Object.fromEntries(Object.entries(picked).map(([k, v]) => [k, under(v)]));
  const started = Date.now();

  console.log(`checking ${htmlFiles.length} HTML files in ${args.site}${args.paged ? ' (paged)' : ''}; taxonomies: ${taxonomies.join(', ') || 'none'}`);
  console.log(`pages: ${Object.entries(pages).map(([k, v]) => `${k}=${v ?? '-'}`).join(' ')}`);
  // The validator (Java) runs while the browser checks do; it is reported at the end.
  const validity = validateHtml(args.site, siteDir, htmlFiles);
  try {
    await browserChecks(siteDir, pages, taxonomies, args.artifacts, htmlFiles, args.paged);
  } catch (err) {
    report('browser checks', [firstLine(err)]);
  }
  report(`html validity (${htmlFiles.length} files)`, await validity);

  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${args.artifacts}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

// For check-timelinejs.mjs and check-embed.mjs, and for testing the server on its own.
export { CHROMIUM, CHROMIUM_ARGS, check, listHtml, report, runAxe, serve, tally, validateHtml };

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const timer = setTimeout(() => {
    console.error(`check-site: gave up after ${TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, TIMEOUT_MS);
  timer.unref();

  main().then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(`check-site: ${err.message}`); process.exitCode = 1; },
  );
}
