#!/usr/bin/env node
// Checks a built dateline site the way a browser and a reader see it.
//
//   node web/check-site.mjs SITE_DIR [--screenshots OUT_DIR]
//
// What it checks, and why:
//   1. HTML validity: the W3C Nu validator (vnu-jar) over every .html file,
//      because templates can emit broken markup that browsers silently repair.
//   2. Accessibility: axe-core (WCAG 2.0/2.1 A and AA plus best practices) on a
//      sample of pages, served over HTTP on 127.0.0.1 and opened in Debian's
//      Chromium, because a timeline must be usable with a screen reader and keyboard.
//   3. Self-containment: no page may load anything from another host (privacy,
//      offline use), and no page may log a console error or throw.
//   4. Layout: no horizontal scrolling at 320 px, the narrowest common phone width.
//   5. With --screenshots: full-page PNGs (1280 and 375 px, light and dark) for a
//      person to look at.
// It ends with the line "N passed, M failed" and exits 1 when M > 0.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const TIMEOUT_MS = 1000 * (Number(process.env.CHECK_SITE_TIMEOUT) || 120); // whole run
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
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

// Records one check: prints "ok" or "FAIL" with one indented line per problem.
function report(name, problems) {
  if (problems.length === 0) {
    tally.passed++;
    console.log(`ok   ${name}`);
  } else {
    tally.failed++;
    console.log(`FAIL ${name} (${problems.length})`);
    for (const p of problems) console.log(`     ${p}`);
  }
}

// ---------------------------------------------------------------- arguments and files

function parseArgs(argv) {
  const args = { site: null, screenshots: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') args.screenshots = argv[++i];
    else if (argv[i].startsWith('--screenshots=')) args.screenshots = argv[i].slice(14);
    else if (!args.site && !argv[i].startsWith('--')) args.site = argv[i];
    else throw new Error(`unexpected argument: ${argv[i]}`);
  }
  if (!args.site || args.screenshots === undefined) {
    throw new Error('usage: node web/check-site.mjs SITE_DIR [--screenshots OUT_DIR]');
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

// The pages that get the browser checks, as site-relative paths.
function samplePages(htmlFiles) {
  const has = (p) => htmlFiles.includes(p);
  const under = (dir) => htmlFiles.filter((f) => new RegExp(`^${dir}/[^/]+/index\\.html$`).test(f));
  return [
    ...(has('index.html') ? ['index.html'] : []),
    ...under('events').slice(0, 3),
    ...under('sources').slice(0, 2),
    ...(has('tags/index.html') ? ['tags/index.html'] : []),
    ...under('tags').slice(0, 1),
    ...(has('404.html') ? ['404.html'] : []),
  ];
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

// ---------------------------------------------------------------- browser checks (axe, requests, console, layout, screenshots)

function isExternal(url) {
  const { protocol, hostname } = new URL(url);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && hostname !== '127.0.0.1';
}

// A fresh context whose pages may not reach any other host: such requests are
// recorded in the returned set and aborted.
async function newContext(browser, options) {
  const context = await browser.newContext(options);
  const external = new Set();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isExternal(url)) {
      external.add(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return { context, external };
}

// Opens a page, collecting console errors and uncaught exceptions.
async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    // A blocked external request also logs an error; it is reported once, as external.
    const source = msg.location()?.url;
    if (msg.type() === 'error' && !(source && isExternal(source))) {
      errors.push(`console: ${msg.text()}${source ? ` (${source})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, errors, status: response?.status() };
}

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
    }));
  }, AXE_TAGS);
  return violations.map((v) => {
    const more = v.count > v.targets.length ? ` (+${v.count - v.targets.length} more)` : '';
    const html = v.html.replace(/\s+/g, ' ').slice(0, 120);
    return `${v.id} [${v.impact}] ${v.targets.join(', ')}${more}: ${v.help}\n       e.g. ${html}`;
  });
}

// Axe, external-request and console checks on one page: three checks.
async function checkPage(browser, base, rel) {
  const { context, external } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  try {
    let axeProblems;
    let consoleProblems = [];
    try {
      const { page, errors, status } = await openPage(context, base + rel);
      const expected = rel === '404.html' ? [200, 404] : [200];
      axeProblems = expected.includes(status) ? await runAxe(page) : [`HTTP status ${status}`];
      consoleProblems = errors;
    } catch (err) {
      axeProblems = [`could not check: ${err.message.split('\n')[0]}`];
    }
    report(`axe ${rel}`, axeProblems);
    report(`no external requests ${rel}`, [...external].map((u) => `request to ${u}`));
    report(`no console errors ${rel}`, consoleProblems);
  } finally {
    await context.close();
  }
}

// At 320 px wide the page must not scroll sideways; names the elements that stick out if it does.
async function checkLayout(browser, base, rel) {
  const width = 320;
  const { context } = await newContext(browser, { viewport: { width, height: 800 } });
  try {
    const { page } = await openPage(context, base + rel);
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
    const problems = scrollWidth <= innerWidth ? []
      : [`scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`, ...offenders];
    report(`layout ${width}px ${rel}`, problems);
  } catch (err) {
    report(`layout ${width}px ${rel}`, [`could not check: ${err.message.split('\n')[0]}`]);
  } finally {
    await context.close();
  }
}

// Full-page PNGs of each page at two widths, light and dark.
async function takeScreenshots(browser, base, pages, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const rel of pages) {
    const name = rel === 'index.html' ? 'index' : path.dirname(rel).replaceAll('/', '-');
    for (const width of [1280, 375]) {
      for (const colorScheme of ['light', 'dark']) {
        const { context } = await newContext(browser, { viewport: { width, height: 800 } });
        try {
          const { page } = await openPage(context, base + rel);
          await page.emulateMedia({ colorScheme });
          const file = path.join(outDir, `${name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`shot ${file}`);
        } finally {
          await context.close();
        }
      }
    }
  }
}

async function browserChecks(siteDir, pages, screenshotsDir) {
  const server = await serve(siteDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    for (const rel of pages) await checkPage(browser, base, rel);
    const event = pages.find((p) => p.startsWith('events/'));
    const layoutPages = ['index.html', event].filter((p) => p && pages.includes(p));
    for (const rel of layoutPages) await checkLayout(browser, base, rel);
    if (screenshotsDir) await takeScreenshots(browser, base, layoutPages, screenshotsDir);
  } finally {
    if (browser) await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const siteDir = fs.realpathSync(args.site);
  const htmlFiles = listHtml(siteDir);
  const pages = samplePages(htmlFiles);

  console.log(`checking ${htmlFiles.length} HTML files in ${args.site}; browser checks on ${pages.length} pages`);
  report(`html validity (${htmlFiles.length} files)`,
    htmlFiles.length ? await validateHtml(args.site, siteDir, htmlFiles) : ['no .html files']);
  if (!htmlFiles.includes('index.html')) report('index.html exists', ['missing']);

  try {
    await browserChecks(siteDir, pages, args.screenshots);
  } catch (err) {
    report('browser checks', [err.message.split('\n')[0]]);
  }

  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

export { serve }; // for testing the server on its own

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
