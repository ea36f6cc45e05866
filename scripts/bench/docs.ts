/**
 * Benchmark: the docs and OpenAPI outputs. Prints
 *   - their share of `generate` for the Accengage client: time with them / time without (target ≤ 1.30);
 *   - for a 2,000-request collection: the page's size (target < 8 MB), the time headless Chromium
 *     takes to open it (target < 3 s) and the slowest search keystroke (target < 50 ms).
 * The browser part needs Debian's chromium at /usr/bin/chromium (CI installs it).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadConfig } from '../../generator/config.js';
import { buildReference, emitDocs } from '../../generator/docs/index.js';
import { emitClient } from '../../generator/emit/index.js';
import { parseCollection } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/index.js';
import { renderOpenApi } from '../../generator/openapi/index.js';
import { generateClient } from '../../generator/pipeline.js';
import { syntheticCollection } from './synthetic.js';

const median = (runs: number[]): number => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;

async function generateShare(): Promise<void> {
  const { clients, file } = await loadConfig('postman-codegen.config.json');
  const client = clients[0] as (typeof clients)[number];
  const without = { ...client, docs: false, openapi: false };
  await generateClient(client, file); // warm-up
  const on: number[] = [];
  const off: number[] = [];
  // Interleaved, so that a slow moment of the machine weighs on both.
  for (let i = 0; i < 7; i++) {
    let start = performance.now();
    await generateClient(without, file);
    off.push(performance.now() - start);
    start = performance.now();
    await generateClient(client, file);
    on.push(performance.now() - start);
  }
  console.log(
    `generate Accengage: ${median(off).toFixed(0)} ms without docs and OpenAPI, ${median(on).toFixed(0)} ms with: ratio ${(median(on) / median(off)).toFixed(2)} (target <= 1.30)`,
  );
}

async function largePage(): Promise<void> {
  const { model } = buildModel(parseCollection(JSON.stringify(syntheticCollection(2000)), 'synthetic.json'));
  const { plan } = await emitClient(model);
  const start = performance.now();
  const reference = buildReference(model, { plan });
  const html = emitDocs(reference).get('docs/index.html') as string;
  const openapi = renderOpenApi(reference);
  const renderMs = performance.now() - start;
  const megabytes = Buffer.byteLength(html) / 1e6;
  console.log(
    `2,000 requests: docs + OpenAPI rendered in ${renderMs.toFixed(0)} ms; page ${megabytes.toFixed(1)} MB (target < 8 MB), openapi.json ${(Buffer.byteLength(openapi) / 1e6).toFixed(1)} MB`,
  );
  if (!existsSync('/usr/bin/chromium')) {
    console.log('2,000 requests: open and search times not measured (no /usr/bin/chromium)');
    return;
  }
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'pc-bench-docs-')), 'index.html');
  await writeFile(file, html);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const opens: number[] = [];
    const keystrokes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const begin = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      opens.push(performance.now() - begin);
      // Each keystroke: the input handler and the layout it causes, measured inside the page.
      const times = await page.evaluate(async () => {
        const input = document.getElementById('search') as HTMLInputElement;
        const out: number[] = [];
        for (const query of [
          't',
          'th',
          'thi',
          'thin',
          'thing',
          'thing 1',
          'thing 19',
          'thing 199',
          'thing 19',
          'thing 1',
          '',
          'itemid',
          'patch',
          '',
        ]) {
          const t0 = performance.now();
          input.value = query;
          input.dispatchEvent(new Event('input'));
          void document.body.offsetHeight;
          out.push(performance.now() - t0);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return out;
      });
      keystrokes.push(...times);
      await page.close();
    }
    console.log(
      `2,000 requests: page opens in ${median(opens).toFixed(0)} ms (median of 3; target < 3000 ms); search keystroke median ${median(keystrokes).toFixed(1)} ms, slowest ${Math.max(...keystrokes).toFixed(1)} ms (target < 50 ms)`,
    );
  } finally {
    await browser.close();
  }
}

await generateShare();
await largePage();
