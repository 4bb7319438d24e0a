#!/usr/bin/env node
// Checks that the timeline.json of a built dateline site opens in TimelineJS3
// (the pinned npm package @knight-lab/timelinejs), in a real browser.
//
//   node web/check-timelinejs.mjs SITE_DIR [--artifacts DIR]
//
// SITE_DIR is served on 127.0.0.1 (ephemeral port), the package's dist/ under
// /tl/, and a test page generated here at /__tl_test.html. That page loads
// /tl/css/timeline.css and /tl/js/timeline.js, fetches /timeline.json and runs
// new TL.Timeline('timeline', data, {script_path: location.origin + '/tl/js/'})
// (a relative script_path throws). It is opened in Debian's Chromium through
// playwright-core. The named checks:
//   1. config valid: tl.config.isValid() and tl.config.getErrors() is empty;
//   2. no page error, no console error, no HTTP error, no TimelineJS error message;
//   3. one .tl-timemarker per event of timeline.json (bounded wait for them);
//   4. every event's unique_id is in tl.config.events, as a marker (#ID-marker)
//      and as a slide (.tl-slide#ID), with no others; and it names a folder
//      events/ID/ of the site when the site has events/;
//   5. every start_date/end_date is read by TimelineJS as written (it does not
//      reject month 13 or 31 April, it rolls them over);
//   6. no request left 127.0.0.1 (they are blocked, and reported); every slide
//      is shown once, so that TimelineJS loads its media;
//   7. a screenshot, always, to --artifacts DIR/timelinejs.png (default web/artifacts/).
// TimelineJS gets the option font: 'georgia-helvetica', as its default font loads
// from fonts.gstatic.com.
// It ends with the line "N passed, M failed" and exits 1 when M > 0.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// One process runs one script: sharing check-site's tally keeps one count.
import { CHROMIUM, CHROMIUM_ARGS, report, serve, tally } from './check-site.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const TIMEOUT_MS = 1000 * (Number(process.env.CHECK_TIMELINEJS_TIMEOUT) || 60); // whole run
const ACTION_TIMEOUT_MS = 5000; // navigation, and the wait for TimelineJS to be ready
const RENDER_WAIT_MS = 5000; // the wait for all the markers
const TEST_PAGE = '/__tl_test.html';
const TL_PREFIX = '/tl/';
// TimelineJS's default font ("default") loads PT Sans and PT Serif from
// fonts.gstatic.com; this one of its bundled font sets is system fonts only.
const TL_FONT = 'georgia-helvetica';
const DEFAULT_ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');


const firstLine = (err) => String(err?.message ?? err).split('\n')[0];

// ---------------------------------------------------------------- arguments and input

function parseArgs(argv) {
  const args = { site: null, artifacts: DEFAULT_ARTIFACTS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--artifacts') args.artifacts = argv[++i];
    else if (a.startsWith('--artifacts=')) args.artifacts = a.slice('--artifacts='.length);
    else if (!args.site && !a.startsWith('--')) args.site = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!args.site || !args.artifacts) {
    throw new Error('usage: node web/check-timelinejs.mjs SITE_DIR [--artifacts DIR]');
  }
  if (!fs.statSync(args.site, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`not a directory: ${args.site}`);
  }
  return args;
}

// SITE/timeline.json, parsed; throws with a clear message when it is missing or not usable.
function readTimeline(siteDir) {
  const file = path.join(siteDir, 'timeline.json');
  if (!fs.existsSync(file)) throw new Error(`no timeline.json in ${siteDir}`);
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`timeline.json is not JSON: ${firstLine(err)}`);
  }
  if (!Array.isArray(data?.events)) throw new Error('timeline.json has no "events" array');
  return data;
}

// The package's dist/ folder (css/timeline.css, js/timeline.js).
function timelineDist() {
  let pkg;
  try {
    pkg = require.resolve('@knight-lab/timelinejs/package.json');
  } catch {
    throw new Error('@knight-lab/timelinejs is not installed (run .ci/install-test-tools)');
  }
  const dist = path.join(path.dirname(pkg), 'dist');
  for (const f of ['css/timeline.css', 'js/timeline.js']) {
    if (!fs.existsSync(path.join(dist, f))) throw new Error(`${path.join(dist, f)} is missing`);
  }
  return { dist, version: require(pkg).version };
}

// ---------------------------------------------------------------- server

// The test page. It records in window.__tlState what happened, for the checks to read.
const TEST_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS check</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${TL_PREFIX}css/timeline.css">
<style>html, body { margin: 0; height: 100%; } #timeline { width: 100%; height: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<script src="${TL_PREFIX}js/timeline.js"></script>
<script>
window.__tlState = { created: false, error: null };
// TimelineJS throws some errors (e.g. an invalid date) later, out of a promise;
// they are kept here in its own words as well as reported as page errors.
const describe = (err) => {
  try {
    if (err && err.message_key && window.__tl) return String(window.__tl._translateError(err));
  } catch (e) { /* fall through */ }
  return String((err && (err.message || err.message_key)) || err);
};
window.addEventListener('error', (e) => { window.__tlState.error ??= describe(e.error || e.message); });
window.addEventListener('unhandledrejection', (e) => { window.__tlState.error ??= describe(e.reason); });
(async () => {
  try {
    const response = await fetch('/timeline.json');
    if (!response.ok) throw new Error('GET /timeline.json: HTTP ' + response.status);
    const data = await response.json();
    window.__tl = new TL.Timeline('timeline', data, {
      script_path: location.origin + '${TL_PREFIX}js/',
      font: '${TL_FONT}',
    });
    window.__tlState.created = true;
  } catch (err) {
    window.__tlState.error ??= describe(err);
    throw err;
  }
})();
</script>
</body>
</html>
`;

// One server on 127.0.0.1: /__tl_test.html, /tl/* from the package's dist/, the
// rest from the site. It reuses check-site.mjs's serve(): the request listener
// of a server made by serve(dist) answers for /tl/ (that server is closed at once).
async function serveAll(siteDir, dist) {
  const server = await serve(siteDir);
  const distServer = await serve(dist);
  distServer.close();
  const [siteHandler] = server.listeners('request');
  const [distHandler] = distServer.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const pathname = req.url.split('?')[0];
    if (pathname === TEST_PAGE) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : TEST_HTML);
    } else if (pathname.startsWith(TL_PREFIX)) {
      req.url = req.url.slice(TL_PREFIX.length - 1);
      distHandler(req, res);
    } else {
      siteHandler(req, res);
    }
  });
  return server;
}

// ---------------------------------------------------------------- browser

function isExternal(url) {
  const { protocol, hostname } = new URL(url);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && hostname !== '127.0.0.1';
}

// Once TimelineJS is ready, waits until there are as many .tl-timemarker as
// events, or their number has not changed for 500 ms, at most RENDER_WAIT_MS.
// Returns how long it waited, in ms.
async function waitForMarkers(page, expected) {
  const started = Date.now();
  let last = -1;
  let stableSince = started;
  for (;;) {
    const { ready, count } = await page.evaluate(() => ({
      ready: Boolean(window.__tl?.ready),
      count: document.querySelectorAll('.tl-timemarker').length,
    }));
    const now = Date.now();
    if (count !== last) { last = count; stableSince = now; }
    if (!ready || count >= expected || now - stableSince >= 500 || now - started >= RENDER_WAIT_MS) {
      return now - started;
    }
    await page.waitForTimeout(100);
  }
}

// What happened in the page, and what TimelineJS has in it once ready.
async function runPage(browser, base, events, shotFile) {
  const log = { external: new Set(), errors: [] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
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
      log.errors.push(`console: ${msg.text()}${source ? ` (${source})` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.errors.push(`page error: ${firstLine(err)}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !isExternal(r.url())) log.errors.push(`HTTP ${r.status()} for ${new URL(r.url()).pathname}`);
  });

  const result = { log, state: null, waitedMs: 0, shot: null };
  try {
    const response = await page.goto(base + TEST_PAGE.slice(1), { waitUntil: 'load' });
    if (response?.status() !== 200) log.errors.push(`HTTP ${response?.status()} for ${TEST_PAGE}`);
    // TimelineJS is done when it is ready (rendered), has an invalid config, or threw.
    await page.waitForFunction(() => window.__tlState?.error || (window.__tl
      && (window.__tl.ready || (window.__tl.config && !window.__tl.config.isValid()))), null,
    { timeout: ACTION_TIMEOUT_MS }).catch(() => {});
    result.waitedMs = await waitForMarkers(page, events.length);
    // Every slide is shown once, and then the first again: TimelineJS loads a
    // slide's media (images, embeds) only when it is shown, 1.2 s later, and
    // animates for 1 s. So a media URL on another host is caught too.
    await page.evaluate(() => {
      const tl = window.__tl;
      if (!tl?.ready) return;
      const slides = tl.config.events.length + (tl.config.title ? 1 : 0);
      for (let i = 0; i < slides; i++) tl.goTo(i);
      tl.goTo(0);
    });
    await page.waitForTimeout(1500);
    result.state = await page.evaluate(() => {
      const tl = window.__tl;
      const s = window.__tlState || {};
      const cfg = tl?.config;
      const errorText = (e) => {
        try {
          return typeof e === 'string' ? e : (tl._translateError ? String(tl._translateError(e)) : JSON.stringify(e));
        } catch { return JSON.stringify(e); }
      };
      const message = document.querySelector('.tl-message-content');
      return {
        created: Boolean(s.created),
        error: s.error,
        ready: Boolean(tl?.ready),
        hasConfig: Boolean(cfg),
        valid: cfg ? cfg.isValid() : null,
        errors: cfg ? cfg.getErrors().map(errorText) : [],
        configIds: cfg?.events ? cfg.events.map((e) => e.unique_id) : null,
        // the dates as TimelineJS reads them (human scale: a JavaScript Date)
        dates: (cfg?.events ?? []).map((e) => {
          const parts = (d) => {
            const o = d?.data?.date_obj;
            return o instanceof Date ? {
              year: o.getFullYear(), month: o.getMonth() + 1, day: o.getDate(),
              hour: o.getHours(), minute: o.getMinutes(),
            } : null;
          };
          return { id: e.unique_id, start_date: parts(e.start_date), end_date: parts(e.end_date) };
        }),
        // TimelineJS shows a load error in .tl-message; it is hidden once ready
        message: message && !tl?.ready ? message.textContent.trim() : '',
        markerIds: [...document.querySelectorAll('.tl-timemarker')].map((el) => el.id),
        slideIds: [...document.querySelectorAll('.tl-slide')].map((el) => el.id),
      };
    });
  } finally {
    try {
      fs.mkdirSync(path.dirname(shotFile), { recursive: true });
      await page.screenshot({ path: shotFile });
      result.shot = fs.statSync(shotFile).size > 1000 ? null : `${shotFile} is (almost) empty`;
    } catch (err) {
      result.shot = `${shotFile}: ${firstLine(err)}`;
    }
    await context.close();
  }
  return result;
}

// ---------------------------------------------------------------- the checks

function describeEvent(e, i) {
  return `event ${i + 1}${e?.unique_id ? ` (${e.unique_id})` : ''}`;
}

// Why TimelineJS could drop an event: the causes it silently skips or misreads.
function eventHints(events) {
  const hints = [];
  events.forEach((e, i) => {
    const d = e?.start_date;
    if (!d) { hints.push(`${describeEvent(e, i)} has no start_date (TimelineJS skips it)`); return; }
    if (d.year === undefined || d.year === '' || Number.isNaN(Number(d.year))) hints.push(`${describeEvent(e, i)}: start_date.year is ${JSON.stringify(d.year)}`);
    if (d.month !== undefined && !(Number(d.month) >= 1 && Number(d.month) <= 12)) hints.push(`${describeEvent(e, i)}: start_date.month is ${JSON.stringify(d.month)}, not 1-12`);
    if (d.day !== undefined && !(Number(d.day) >= 1 && Number(d.day) <= 31)) hints.push(`${describeEvent(e, i)}: start_date.day is ${JSON.stringify(d.day)}, not 1-31`);
  });
  return hints;
}

function checks(siteDir, data, result) {
  const { state, log } = result;
  const events = data.events;
  const expectedIds = events.map((e) => e?.unique_id);
  const noState = state ? null : 'the test page did not run (see the console check)';

  // 1. config valid
  {
    const p = [];
    if (noState) p.push(noState);
    else if (!state.created) p.push(`new TL.Timeline(...) failed: ${state.error ?? 'unknown error'}`);
    else if (!state.hasConfig) p.push(`TimelineJS did not take timeline.json: ${state.error ?? 'no config, and no error'}`);
    else {
      if (!state.valid) p.push('tl.config.isValid() is false');
      for (const e of state.errors) p.push(`tl.config.getErrors(): ${e}`);
    }
    report('config valid: tl.config.isValid() and no tl.config.getErrors()', p);
  }

  // 2. no page or console error
  {
    const p = [...new Set(log.errors)];
    if (state?.message) p.push(`TimelineJS shows the message: ${state.message}`);
    report('no page error, no console error', p);
  }

  // 3. markers
  {
    const n = state?.markerIds.length ?? 0;
    const p = [];
    if (n !== events.length) {
      p.push(`timeline.json has ${events.length} events, ${n} .tl-timemarker rendered (waited ${(result.waitedMs / 1000).toFixed(1)} s)`);
      const rendered = new Set(state?.markerIds ?? []);
      const missing = expectedIds.filter((id) => id && !rendered.has(`${id}-marker`));
      if (missing.length && n) p.push(`no marker for: ${missing.join(', ')}`);
      p.push(...eventHints(events));
    }
    report(`one .tl-timemarker per event (${events.length} events, ${state?.markerIds.length ?? 0} markers)`, p);
  }

  // 4. unique ids
  {
    const p = [];
    expectedIds.forEach((id, i) => {
      if (typeof id !== 'string' || !id) p.push(`${describeEvent(events[i], i)} has no unique_id in timeline.json`);
      const slug = events[i]?.dateline?.slug;
      if (slug !== undefined && slug !== id) p.push(`${describeEvent(events[i], i)}: unique_id ${JSON.stringify(id)} is not its dateline.slug ${JSON.stringify(slug)}`);
    });
    const dupes = expectedIds.filter((id, i) => id && expectedIds.indexOf(id) !== i);
    if (dupes.length) p.push(`unique_id used twice in timeline.json: ${[...new Set(dupes)].join(', ')}`);
    const ids = expectedIds.filter((id) => typeof id === 'string' && id);
    if (fs.statSync(path.join(siteDir, 'events'), { throwIfNoEntry: false })?.isDirectory()) {
      const noFolder = ids.filter((id) => !fs.existsSync(path.join(siteDir, 'events', id, 'index.html')));
      if (noFolder.length) p.push(`no events/ID/index.html in the site for: ${noFolder.join(', ')}`);
    }
    if (state?.configIds) {
      const inConfig = new Set(state.configIds);
      const markers = new Set(state.markerIds);
      const slides = new Set(state.slideIds);
      const notInConfig = ids.filter((id) => !inConfig.has(id));
      const noMarker = ids.filter((id) => !markers.has(`${id}-marker`));
      const noSlide = ids.filter((id) => !slides.has(id));
      const expected = new Set(ids);
      const extra = state.configIds.filter((id) => !expected.has(id));
      if (notInConfig.length) p.push(`not in tl.config.events: ${notInConfig.join(', ')}`);
      if (noMarker.length) p.push(`no .tl-timemarker#ID-marker for: ${noMarker.join(', ')}`);
      if (noSlide.length) p.push(`no .tl-slide#ID for: ${noSlide.join(', ')}`);
      if (extra.length) p.push(`tl.config.events has ids that timeline.json does not: ${extra.join(', ')}`);
    } else {
      p.push(noState ?? 'tl.config.events is not there');
    }
    report('every unique_id (the event slugs) rendered as marker and slide', p);
  }

  // 5. dates read as written: TimelineJS does not reject e.g. month 13
  // or 31 April, it rolls them over into the next year or month.
  {
    const p = [];
    const byId = new Map((state?.dates ?? []).map((d) => [d.id, d]));
    const ids = events.map((e) => e?.unique_id);
    events.forEach((e, i) => {
      // a missing or repeated unique_id (reported above) cannot be matched
      const read = ids.indexOf(e?.unique_id) === ids.lastIndexOf(e?.unique_id) && byId.get(e?.unique_id);
      if (!read) return; // a missing event is reported by the checks above
      for (const which of ['start_date', 'end_date']) {
        const given = e[which];
        const got = read[which];
        if (!given || typeof given !== 'object' || !got) continue;
        const differs = ['year', 'month', 'day', 'hour', 'minute']
          .filter((f) => given[f] !== undefined && given[f] !== '' && Number(given[f]) !== got[f]);
        if (differs.length) {
          const shown = `${got.year}-${String(got.month).padStart(2, '0')}-${String(got.day).padStart(2, '0')}`
            + (given.hour !== undefined ? ` ${got.hour}:${String(got.minute).padStart(2, '0')}` : '');
          p.push(`${describeEvent(e, i)}: ${which} ${JSON.stringify(given)} is read by TimelineJS as ${shown}`
            + ` (${differs.join(', ')} ${differs.length > 1 ? 'differ' : 'differs'})`);
        }
      }
    });
    if (!state?.dates?.length && events.length) p.push(noState ?? 'TimelineJS has no events to compare');
    report('every date is read by TimelineJS as written', p);
  }

  // 6. other hosts
  report('no request left 127.0.0.1', [...log.external].map((u) => `request to ${u} (blocked)`));
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const siteDir = fs.realpathSync(args.site);
  const started = Date.now();
  const shotFile = path.join(args.artifacts, 'timelinejs.png');
  let data;
  let tl;
  try {
    data = readTimeline(siteDir);
    tl = timelineDist();
  } catch (err) {
    report('timeline.json and TimelineJS are there', [err.message]);
    console.log(`${tally.passed} passed, ${tally.failed} failed`);
    return 1;
  }
  console.log(`checking ${args.site}/timeline.json (${data.events.length} events) in TimelineJS ${tl.version}`);

  let server;
  let browser;
  try {
    server = await serveAll(siteDir, tl.dist);
    const base = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const result = await runPage(browser, base, data.events, shotFile);
    checks(siteDir, data, result);
    report(`screenshot ${shotFile}`, result.shot ? [result.shot] : []);
  } catch (err) {
    report('browser', [firstLine(err)]);
  } finally {
    if (browser) await browser.close();
    server?.close();
  }
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const timer = setTimeout(() => {
    console.error(`check-timelinejs: gave up after ${TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, TIMEOUT_MS);
  timer.unref();

  main().then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(`check-timelinejs: ${err.message}`); process.exitCode = 1; },
  );
}
