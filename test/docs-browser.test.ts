/**
 * docs/index.html in real headless Chromium (Debian's package, driven by playwright-core; .ci/run
 * installs it): no console error, no network request, every operation on the page, search and
 * anchors that work, hostile collection text that runs nothing, no sideways scroll on a phone.
 * Screenshots land in test-output/docs-browser/ for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReference, emitDocs } from '../generator/docs/index.js';
import { accengageFiles } from './docs-support.js';
import { collectionOf, modelOfJson, root } from './helpers.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(root, 'test-output/docs-browser');

let browser: Browser;
let accengageUrl: string;
let accengageAnchors: string[];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`,
    );
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  await mkdir(SHOTS, { recursive: true });
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-docs-'));
  const html = (await accengageFiles()).get('docs/index.html') as string;
  await writeFile(path.join(folder, 'index.html'), html);
  accengageUrl = pathToFileURL(path.join(folder, 'index.html')).href;
  accengageAnchors = [...html.matchAll(/<article class="op" id="([^"]+)"/g)].map((match) => match[1] as string);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens a page and records every console error, page error and request other than the page itself. */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (request.url().split('#')[0] !== url.split('#')[0]) requests.push(request.url());
  });
  await page.goto(url);
  return { page, errors, requests };
}

/** Every operation's details built, every <details> open and its folded block built, every operation and folder laid out (the page lets the browser skip those off screen). */
async function unfold(page: Page): Promise<void> {
  await page.waitForSelector('html[data-built]', { state: 'attached' });
  await page.$$eval('details', (all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
  // Folded blocks are built on the toggle event, which fires after the current task.
  await page.waitForFunction(() => document.querySelector('details[data-lazy]') === null);
  await page.$$eval('article.op, section.folder, nav li.folder', (all) =>
    all.forEach((element) => ((element as HTMLElement).style.contentVisibility = 'visible')),
  );
}

const visibleNames = (page: Page): Promise<string[]> =>
  page.$$eval('article.op:not([hidden]) h3', (headings) => headings.map((heading) => heading.textContent ?? ''));

describe('the Accengage reference page', () => {
  it('loads with no console error and no network request, every operation on it', async () => {
    const { page, errors, requests } = await open(accengageUrl);
    expect(accengageAnchors).toHaveLength(22);
    expect(await page.$$eval('article.op', (ops) => ops.map((op) => op.id))).toEqual(accengageAnchors);
    expect(await page.textContent('#count')).toBe('22 operations');
    // Each operation's details are built from the page's data: snippets, parameters, responses.
    await page.waitForSelector('html[data-built]', { state: 'attached' });
    expect(await page.$$eval('article.op', (ops) => ops.filter((op) => !op.querySelector('h4')).length)).toBe(0);
    const list = page.locator('article.op', { hasText: 'List devices' }).first();
    expect(await list.locator('code.language-ts').textContent()).toContain('client.devices.list(');
    expect(await list.locator('table.params').textContent()).toContain('lastOpen');
    // A folded block is built when opened, with its copy button.
    const curl = list.locator('details:has(> summary:text-is("curl"))');
    expect(await curl.locator('code').count()).toBe(0);
    await curl.locator('summary').click();
    expect(await curl.locator('code.language-sh').textContent()).toMatch(/^curl |\ncurl /);
    expect(await curl.locator('button.copy').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'accengage-desktop.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('filters operations as one types, and shows them all again when cleared', async () => {
    const { page, errors } = await open(accengageUrl);
    await page.fill('#search', 'DELETE');
    const byMethod = await visibleNames(page);
    expect(byMethod).toEqual(expect.arrayContaining(['Delete device tag', 'Delete static list']));
    expect(byMethod).not.toContain('List devices');
    await page.fill('#search', 'lastOpen');
    const byField = await visibleNames(page);
    expect(byField).toContain('List devices');
    expect(byField).not.toContain('Get me');
    expect(byField).not.toContain('Create access token');
    await page.fill('#search', 'devices list');
    expect(await visibleNames(page)).toEqual(['List devices']);
    expect(await page.textContent('#count')).toBe('1 of 22 operations');
    // The introduction steps aside while searching, so the match is the first thing seen.
    expect(await page.isVisible('#start')).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'accengage-search.png') });
    await page.fill('#search', 'no-such-thing-anywhere');
    expect(await visibleNames(page)).toEqual([]);
    expect(await page.isVisible('#no-results')).toBe(true);
    await page.fill('#search', '');
    expect(await visibleNames(page)).toHaveLength(22);
    expect(await page.isVisible('#no-results')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates by anchor, from the contents and from a link to an operation the search hides', async () => {
    const { page, errors } = await open(accengageUrl);
    await page.click('nav a:text-is("List devices")');
    const anchor = await page.evaluate(() => location.hash.slice(1));
    expect(await page.$eval(`#${anchor}`, (op) => op.querySelector('h3')?.textContent)).toBe('List devices');
    const top = await page.$eval(`#${anchor}`, (op) => op.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.fill('#search', 'DELETE');
    await page.evaluate((id) => (location.hash = `#${id}`), accengageAnchors[0] as string);
    await page.waitForFunction(() => (document.getElementById('search') as HTMLInputElement).value === '');
    expect(await page.isVisible(`#${accengageAnchors[0]}`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no sideways scroll on a 390 px phone, every section unfolded', async () => {
    const { page, errors } = await open(accengageUrl, { width: 390, height: 844 });
    await unfold(page);
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    await page.screenshot({ path: path.join(SHOTS, 'accengage-phone.png') });
    await page
      .locator('article.op', { hasText: 'List devices' })
      .first()
      .screenshot({ path: path.join(SHOTS, 'accengage-phone-list-devices.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page of 300 operations', () => {
  it('shows exactly the matching operations and contents entries once the search settles, and all again when cleared', async () => {
    const { model } = modelOfJson(syntheticCollection(300));
    const html = emitDocs(buildReference(model)).get('docs/index.html') as string;
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-docs-large-'));
    await writeFile(path.join(folder, 'index.html'), html);
    const { page, errors } = await open(pathToFileURL(path.join(folder, 'index.html')).href);
    const ops = [
      ...html.matchAll(/<article class="op" id="[^"]+" data-s="([^"]*)"[^>]*><h3><a href="#[^"]+">([^<]+)<\/a>/g),
    ];
    const names = ops.map((match) => match[2] as string);
    expect(names).toHaveLength(300);
    const navNames = () =>
      page.$$eval('nav li.opl:not([hidden]) a', (links) =>
        links.filter((link) => link.closest('[hidden]') === null).map((link) => link.textContent ?? ''),
      );
    // The first screens answer at once, the rest of the page follows: wait for it, then compare all.
    const settled = async (expected: string[]) => {
      await page.waitForFunction(
        (count) => document.querySelectorAll('article.op:not([hidden])').length === count,
        expected.length,
      );
      expect(await visibleNames(page)).toEqual(expected);
      expect(await navNames()).toEqual(expected);
    };
    // Every word of the query, anywhere in what an operation is searched on: names, paths, fields, descriptions.
    await page.fill('#search', 'thing 2');
    const matching = ops
      .filter((match) => ['thing', '2'].every((word) => (match[1] as string).includes(word)))
      .map((match) => match[2] as string);
    expect(matching.length).toBeGreaterThan(100);
    expect(await page.textContent('#count')).toBe(`${matching.length} of 300 operations`);
    await settled(matching);
    await page.fill('#search', 'delete thing 29');
    await settled(['Delete thing 29', 'Delete thing 129', 'Delete thing 229', 'Delete thing 294', 'Delete thing 299']);
    expect(await page.$$eval('section.folder:not([hidden]) h2', (h) => h.map((x) => x.textContent))).toEqual([
      'Resource 1',
      'Resource 6',
      'Resource 11',
      'Resource 14',
    ]);
    await page.fill('#search', '');
    await settled(names);
    expect(errors).toEqual([]);
    await page.close();
  });
});

const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '[click me](javascript:window.__pwned=%22link%22) and [again](  JaVa\tScRiPt:window.__pwned=1)',
  '</style><script>window.__pwned = "style"</script>',
  '"><svg onload="window.__pwned=\'attr\'"><a href="javascript:window.__pwned=1">raw link</a>',
  '![pixel](https://tracker.invalid/pixel.png) <iframe src="https://tracker.invalid/"></iframe>',
];

function hostileCollection(): Record<string, unknown> {
  const text = HOSTILE.join('\n\n');
  const request = (index: number) => ({
    name: `${HOSTILE[index % HOSTILE.length]} request ${index}`,
    request: {
      method: 'POST',
      description: text,
      header: [{ key: 'X-Note', value: HOSTILE[index % HOSTILE.length], description: text }],
      url: {
        raw: `https://api.shop.test/items/${index}?q=${encodeURIComponent(HOSTILE[0] as string)}`,
        protocol: 'https',
        host: ['api', 'shop', 'test'],
        path: ['items', String(index)],
        query: [
          { key: 'q', value: HOSTILE[0], description: text },
          { key: HOSTILE[4], value: HOSTILE[1] },
        ],
      },
      body: {
        mode: 'raw',
        raw: JSON.stringify({ note: HOSTILE[3], [HOSTILE[1] as string]: 1 }),
        options: { raw: { language: 'json' } },
      },
    },
    response: [
      {
        name: HOSTILE[4],
        code: 200,
        header: [
          { key: 'Content-Type', value: 'application/json' },
          { key: 'Link', value: HOSTILE[3] },
        ],
        body: JSON.stringify({ [HOSTILE[0] as string]: HOSTILE[2] }),
      },
      {
        name: 'rows',
        code: 202,
        header: [{ key: 'Content-Type', value: 'text/csv' }],
        body: `id,"${(HOSTILE[1] as string).replace(/"/g, '""')}"\n1,2\n`,
      },
    ],
  });
  return collectionOf(
    [
      { name: HOSTILE[3], description: text, item: [request(0), request(1), request(2)] },
      request(3),
      request(4),
      request(5),
    ],
    {
      info: {
        name: HOSTILE[3],
        description: text,
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
    },
  );
}

describe('a page made from hostile collection text', () => {
  it('shows the text and runs, loads and links to nothing', async () => {
    const { model } = modelOfJson(hostileCollection());
    const html = emitDocs(buildReference(model)).get('docs/index.html') as string;
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-docs-hostile-'));
    await writeFile(path.join(folder, 'index.html'), html);
    const { page, errors, requests } = await open(pathToFileURL(path.join(folder, 'index.html')).href);
    await unfold(page);
    for (const term of ['script', 'javascript', 'style']) {
      await page.fill('#search', term);
      await page.fill('#search', '');
    }
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // One script runs; the other is the data block the page reads (a type that is not JavaScript).
    expect(
      await page.$$eval('script', (scripts) => scripts.map((script) => script.getAttribute('type') ?? 'javascript')),
    ).toEqual(['application/json', 'javascript']);
    expect(await page.$$eval('img, svg, iframe, object, embed', (elements) => elements.length)).toBe(0);
    expect(
      await page.$$eval('*', (elements) =>
        elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      ),
    ).toEqual([]);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^(#|https?:|mailto:)/i.test(href))).toEqual([]);
    // The payloads are there, as text a reader can see.
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>window.__pwned = "script"</script>');
    expect(text).toContain('</style><script>');
    // Names, values and CSV columns the details are built from show as text too.
    const tables = await page.$$eval('table.params', (all) => all.map((table) => table.textContent ?? ''));
    for (const table of tables) expect(table).toContain(HOSTILE[4]);
    const csv = await page.$$eval('details.response', (all) => all.map((response) => response.textContent ?? ''));
    expect(
      csv.filter((response) => response.includes(`CSV separated by , with a header row (id, ${HOSTILE[1]})`)),
    ).toHaveLength(6);
    // Saved response bodies, built only when opened, hold the payloads as text too.
    const samples = await page.$$eval('details.sample code', (codes) => codes.map((code) => code.textContent ?? ''));
    expect(samples).toHaveLength(12);
    const jsonSamples = samples.filter((sample) => sample.startsWith('{'));
    expect(jsonSamples).toHaveLength(6);
    for (const sample of jsonSamples) expect(sample).toContain('"<script>window.__pwned = \\"script\\"</script>"');
    expect(await page.$$eval('article.op', (ops) => ops.length)).toBe(6);
    await page.screenshot({ path: path.join(SHOTS, 'hostile.png'), fullPage: false });
    const phone = await open(pathToFileURL(path.join(folder, 'index.html')).href, { width: 390, height: 844 });
    await unfold(phone.page);
    const widths = await phone.page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(phone.errors).toEqual([]);
    await page.close();
    await phone.page.close();
  });
});

describe('a page made from text beyond Latin-1', () => {
  it('holds one byte per character and shows every character as the collection writes it', async () => {
    const words = 'Café — “quoted” 日本語 😀 x\u2028y';
    const { model } = modelOfJson(
      collectionOf([
        {
          name: `Read ${words}`,
          request: {
            method: 'GET',
            description: `About ${words}`,
            url: {
              raw: 'https://api.shop.test/notes?q=1',
              host: ['api', 'shop', 'test'],
              path: ['notes'],
              query: [{ key: 'q', value: words }],
            },
          },
          response: [
            {
              name: `Saved ${words}`,
              code: 200,
              header: [{ key: 'Content-Type', value: 'application/json' }],
              body: JSON.stringify({ note: words }),
            },
          ],
        },
      ]),
    );
    const html = emitDocs(buildReference(model)).get('docs/index.html') as string;
    expect(html).not.toMatch(/[^\u0000-\u00ff]/);
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-docs-unicode-'));
    await writeFile(path.join(folder, 'index.html'), html);
    const { page, errors } = await open(pathToFileURL(path.join(folder, 'index.html')).href);
    await unfold(page);
    expect(await page.textContent('article.op h3')).toBe(`Read ${words}`);
    expect(await page.textContent('article.op .desc')).toContain(`About ${words}`);
    // The parameter's example and the saved body, both built from the page's data.
    expect(await page.textContent('table.params')).toContain(words);
    const samples = await page.$$eval('details.sample code', (codes) => codes.map((code) => code.textContent ?? ''));
    expect(samples).toEqual([expect.stringContaining(JSON.stringify(words).slice(1, -1))]);
    await page.fill('#search', '日本語');
    await page.waitForFunction(() => document.getElementById('count')?.textContent === '1 of 1 operations');
    expect(errors).toEqual([]);
    await page.close();
  });
});
