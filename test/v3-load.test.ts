/**
 * Postman's Native Git collections (v3, a folder of YAML files): read into the same model as the
 * v2.1 export of the same collection, with every invalid file reported at once.
 */
import { writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../generator/cli.js';
import { runWatch } from '../generator/commands/watch.js';
import { CodegenError } from '../generator/errors.js';
import { loadCollection } from '../generator/load/index.js';
import { buildModel, serializeModel, type ApiModel } from '../generator/model/index.js';
import { generateClient } from '../generator/pipeline.js';
import { Reporter } from '../generator/reporter.js';
import { allOperations, fixture, modelOf, operationByName } from './helpers.js';

/** The model without what legitimately differs between formats: ids and where it was read from. */
function comparable(model: ApiModel): unknown {
  return JSON.parse(serializeModel(model), (key, value) => (key === 'id' || key === 'source' ? undefined : value));
}

/** Writes a v3 collection folder from `{ relative path: YAML text }`. */
async function folderOf(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-v3-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
  }
  return folder;
}

async function loadError(folder: string): Promise<CodegenError> {
  const error = await loadCollection(folder).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof CodegenError) return error;
  throw new Error(`expected a CodegenError, got ${String(error)}`);
}

const request = (url: string, extra = ''): string => `$kind: http-request\nurl: "${url}"\nmethod: GET\n${extra}`;

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'postman-codegen', ...args], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

describe('a v3 folder and the v2.1 export of the same collection', () => {
  it('give the same model, apart from ids and source', async () => {
    const v21 = await modelOf(fixture('shop-v2.1.json'));
    const v3 = await modelOf(fixture('shop-v3'));
    expect(v3.model.source).toEqual({ file: 'shop-v3', format: 'v3' });
    expect(comparable(v3.model)).toEqual(comparable(v21.model));
    // Not two empty models: the fixture has every body type, every auth level and examples.
    expect(allOperations(v3.model)).toHaveLength(16);
    expect(v3.model.resources.map((r) => r.name)).toEqual(['Products', 'Orders', 'Admin']);
    const kinds = new Set(allOperations(v3.model).map((o) => o.body?.kind ?? 'none'));
    expect([...kinds].sort()).toEqual(['binary', 'form', 'graphql', 'json', 'multipart', 'none', 'text']);
  });

  it('read every field the route model knows', async () => {
    const { model } = await modelOf(fixture('shop-v3'));
    const list = operationByName(model, 'List products');
    // The disabled `sort` parameter is read too, and left out as the v2.1 path leaves it out.
    expect(list.query.map((q) => [q.name, q.description])).toEqual([
      ['page', 'Page number, from 1.'],
      ['limit', undefined],
      ['category', undefined],
    ]);
    expect(list.description).toBe('Lists products, a page at a time.');
    expect(operationByName(model, 'Get product').pathParams.map((p) => [p.name, p.description])).toEqual([
      ['productId', "The product's id."],
    ]);
    expect(operationByName(model, 'Get product').responses.map((r) => r.status)).toEqual([200, 404]);
    expect(operationByName(model, 'Health').auth.type).toBe('noauth');
    expect(operationByName(model, 'Delete product').auth.type).toBe('apikey');
    expect(operationByName(model, 'List orders').auth.type).toBe('bearer');
    expect(operationByName(model, 'Purge cache').auth.type).toBe('basic');
    expect(operationByName(model, 'Who am I').auth.type).toBe('bearer');
    expect(model.variables.map((v) => v.name)).toEqual(
      expect.arrayContaining(['baseUrl', 'apiKey', 'pageSize', 'category', 'orderToken']),
    );
    expect(model.description).toContain('Native Git collection');
  });

  it('warn once for the requests of other protocols and for the multi-auth entries left out', async () => {
    const loaded = await loadCollection(fixture('shop-v3'));
    const messages = buildModel(loaded).diagnostics.map((d) => d.message);
    expect(messages).toContain(
      '1 request of other protocols skipped (the generated client speaks HTTP): Live feed.request.yaml (websocket-request)',
    );
    expect(messages).toContainEqual(
      expect.stringContaining('only the first of 2 auth entries is used (Admin token ignored)'),
    );
    expect(loaded.skipped).toEqual([
      {
        where: expect.stringMatching(/shop-v3\/Live feed\.request\.yaml$/),
        why: expect.stringContaining('websocket-request'),
      },
    ]);
  });

  it('give a client that warns that the collection pre-request script does not run', async () => {
    const generated = await generateClient({ collection: fixture('shop-v3'), out: 'unused' });
    expect(generated.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining('pre-request scripts (collection, request) do not run'),
    );
  });
});

describe('the v3 layout', () => {
  it('orders folders and requests in one numeric order space; no order comes last, then by name', async () => {
    const folder = await folderOf({
      'Zeta.request.yaml': request('https://x.io/z', 'order: 3957685923872767\n'),
      'b.request.yaml': request('https://x.io/b'),
      'A.request.yaml': request('https://x.io/a'),
      'First.request.yaml': request('https://x.io/f', 'order: 10\n'),
      'Folder/.resources/definition.yaml': '$kind: collection\nname: Named folder\norder: 630675794296831\n',
      'Folder/In.request.yaml': request('https://x.io/in'),
    });
    const loaded = await loadCollection(folder);
    expect(loaded.collection.items.map((item) => item.name)).toEqual(['First', 'Named folder', 'Zeta', 'A', 'b']);
  });

  it('names requests by their name field, else the file stem; duplicate names are kept', async () => {
    const folder = await folderOf({
      '-records-create.request.yaml': request('https://x.io/records', 'name: /records\norder: 1\n').replace(
        'GET',
        'POST',
      ),
      '-records-index.request.yaml': request('https://x.io/records', 'name: /records\norder: 2\n'),
      'Plain stem.request.yml': request('https://x.io/plain', 'order: 3\n'),
    });
    const { model } = await modelOf(folder);
    expect(model.operations.map((o) => `${o.method} ${o.name}`)).toEqual([
      'POST /records',
      'GET /records',
      'GET Plain stem',
    ]);
  });

  it('reads examples from the request folder .resources, and warns about examples nobody claims', async () => {
    const example =
      '$kind: http-example\nrequest:\n  url: "https://x.io/a"\n  method: GET\nresponse:\n  statusCode: 200\n  body:\n    type: json\n    content: \'{"ok": true}\'\n';
    const folder = await folderOf({
      'Sub/A.request.yaml': request('https://x.io/a'),
      'Sub/.resources/A.resources/examples/Fine.example.yaml': example,
      'Sub/.resources/Gone.resources/examples/Lost.example.yaml': example,
    });
    const { model, diagnostics } = await modelOf(folder);
    expect(allOperations(model)[0]?.responses.map((r) => r.examples)).toEqual([['Fine']]);
    expect(diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining('Sub/.resources/Gone.resources/examples/Lost.example.yaml'),
    );
  });

  it('warns, once per key, about keys the format does not have (leftovers of hand conversion)', async () => {
    const folder = await folderOf({
      'A.request.yaml': request('https://x.io/a', 'header:\n  - key: X\n    value: y\nevents: []\n'),
      'B.request.yaml': request('https://x.io/b', 'header: []\n'),
    });
    const { model, diagnostics } = await modelOf(folder);
    expect(model.operations).toHaveLength(2);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'unknown key "events" ignored in 1 file: A.request.yaml (line 7, column 1)',
      'unknown key "header" ignored in 2 files: A.request.yaml (line 4, column 1), B.request.yaml (line 4, column 1)',
    ]);
  });
});

describe('v3 types named like members of Object.prototype', () => {
  it('are unknown body and script types, as any other unknown type', async () => {
    const folder = await folderOf({
      'Send.request.yaml': [
        '$kind: http-request',
        'url: "https://x.io/send"',
        'method: POST',
        'body:',
        '  type: constructor',
        '  content: "{}"',
        'scripts:',
        '  - type: toString',
        '    code: "pm.environment.set(1)"',
        '',
      ].join('\n'),
    });
    const loaded = await loadCollection(folder);
    const item = loaded.collection.items[0];
    expect(item?.kind === 'request' ? [item.request?.body, item.events] : undefined).toEqual([undefined, []]);
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.message)).toContain(
      'body type "constructor" is not one postman-codegen knows; the body was left out',
    );
  });
});

describe('v3 values at the edges', () => {
  it('an empty name is no name, NaN is no order, and "." names the folder it stands for', async () => {
    const folder = await folderOf({
      'Stem.request.yaml': request('https://x.io/a', 'name: ""\n'),
      'Odd.request.yaml': request('https://x.io/b', 'order: .nan\n'),
    });
    const error = await loadError(folder);
    expect(error.message).toContain('"order" must be a finite number, not NaN.');
    await writeFile(path.join(folder, 'Odd.request.yaml'), request('https://x.io/b'));
    const previous = process.cwd();
    process.chdir(folder);
    try {
      const loaded = await loadCollection('.');
      expect(loaded.collection.name).toBe(path.basename(folder));
      expect(loaded.collection.items.map((item) => item.name).sort()).toEqual(['Odd', 'Stem']);
      // The output names the folder as `../<folder>` would: the same files whatever the spelling.
      const generated = await generateClient({ collection: '.', out: 'unused' });
      expect([generated.model.source.file, generated.input?.folder]).toEqual([
        path.basename(folder),
        path.basename(folder),
      ]);
    } finally {
      process.chdir(previous);
    }
  });
});

describe('v3 folders nested deeper than any client needs', () => {
  it('are refused naming the folders, without the JSON paths only the loader sees', async () => {
    const deep = Array.from({ length: 65 }, (_, level) => `f${level + 1}`).join('/');
    const folder = await folderOf({ [`${deep}/Leaf.request.yaml`]: request('https://x.io/leaf') });
    const error = await loadError(folder);
    expect(error.message).toBe('folders nest more than 64 deep.');
    expect(error.where).toBe('folder "f1 / f2 / … / f64 / f65"');
  });
});

describe('v3 file names that are not valid UTF-8', () => {
  it('are refused with the name as Node shows it, instead of an internal error', async () => {
    const folder = await folderOf({ 'A.request.yaml': request('https://x.io/a') });
    // A byte that is not UTF-8 in a file name: Node reads the name with U+FFFD in its place.
    writeFileSync(
      Buffer.concat([Buffer.from(`${folder}/B`), Buffer.from([0xff]), Buffer.from('.request.yaml')]),
      request('https://x.io/b'),
    );
    const error = await loadError(folder);
    expect(error.message).toBe('has a name that is not valid UTF-8, so it cannot be read by its name.');
    expect(error.file).toMatch(/\/B\ufffd\.request\.yaml$/);
  });
});

describe('invalid v3 files', () => {
  it('are all reported at once, each with its path, line, column and the likely fix', async () => {
    const folder = await folderOf({
      'Good.request.yaml': request('https://x.io/good'),
      'Users/Unquoted.request.yaml': '$kind: http-request\nurl: {{baseUrl}}/users\nmethod: GET\n',
      'Users/Template only.request.yaml': '$kind: http-request\nmethod: GET\nurl: {{baseUrl}}\n',
      'Tabs.request.yaml': '$kind: http-request\nheaders:\n\tAccept: text/plain\n',
      'No kind.request.yaml': 'url: "https://x.io"\nmethod: GET\n',
      'Order.request.yaml': request('https://x.io/o', 'order: first\n'),
      '.resources/Good.resources/examples/One.example.yaml': '$kind: http-example\norder: first\n',
      '.resources/Good.resources/examples/Two.example.yaml': '$kind: http-example\norder: 2\n',
      '.resources/Good.resources/examples/Three.example.yaml': '$kind: http-example\norder: 3\n',
      '.resources/Good.resources/examples/A.example.yaml': '$kind: http-example\norder: 4\n',
      '.resources/Good.resources/examples/B.example.yaml': '$kind: http-example\norder: 0\n',
    });
    const error = await loadError(folder);
    const lines = error.message.split('\n').filter((line) => line.startsWith('  '));
    expect(error.message).toMatch(/^has 6 invalid files \(nothing was generated\):/);
    expect(lines).toEqual([
      expect.stringMatching(
        /\/\.resources\/Good\.resources\/examples\/One\.example\.yaml:2:8: "order" must be a number, not "first"/,
      ),
      expect.stringMatching(
        /\/No kind\.request\.yaml:1:1: the request file has no \$kind\. Add \$kind: http-request as the first line\.$/,
      ),
      expect.stringMatching(
        /\/Order\.request\.yaml:4:8: "order" must be a number, not "first"\. Write order: as a plain number/,
      ),
      expect.stringMatching(/\/Tabs\.request\.yaml:3:1: .*Indent with spaces, not tabs\.$/),
      expect.stringMatching(
        /\/Users\/Template only\.request\.yaml:3:6: an unquoted value starts with \{\{.*Quote values that start with \{\{/,
      ),
      expect.stringMatching(/\/Users\/Unquoted\.request\.yaml:2:\d+: .*Quote values that start with \{\{/),
    ]);
  });

  it('include an alias without its anchor, and a flood of aliases, at the alias', async () => {
    const flood = [
      'a: &a [x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    ];
    const folder = await folderOf({
      'Alias.request.yaml': `${request('https://x.io/a')}description: *missing\n`,
      'Flood.request.yaml': `${request('https://x.io/f')}${flood.join('\n')}\n`,
    });
    const lines = (await loadError(folder)).message.split('\n').filter((line) => line.startsWith('  '));
    expect(lines).toEqual([
      expect.stringMatching(
        /\/Alias\.request\.yaml:4:14: Unresolved alias .*: missing\. Set the anchor \(&name\) before/,
      ),
      expect.stringMatching(/\/Flood\.request\.yaml:5:8: Excessive alias count .*\. Set the anchor/),
    ]);
  });

  it('make model exit 2 too, while a valid folder prints its model', async () => {
    const bad = await folderOf({ 'Bad.request.yaml': '$kind: http-request\nurl: {{baseUrl}}/x\n' });
    expect((await run(['model', bad])).code).toBe(2);
    const good = await run(['model', fixture('shop-v3')]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).source).toEqual({ file: 'shop-v3', format: 'v3' });
  });

  it('make generate exit 2 and write nothing', async () => {
    const folder = await folderOf({ 'Bad.request.yaml': '$kind: http-request\nurl: {{baseUrl}}/x\n' });
    const out = path.join(folder, '..', `${path.basename(folder)}-out`);
    const result = await run(['generate', folder, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Bad\.request\.yaml:2:\d+: .*Quote values that start with \{\{/);
    await expect(readFile(path.join(out, 'manifest.json'), 'utf8')).rejects.toThrow();
  });
});

describe('finding the collection in a folder', () => {
  it('lists the collections of a workspace folder that holds several, and asks for one', async () => {
    const folder = await folderOf({
      'postman/collections/Shop/A.request.yaml': request('https://x.io/a'),
      'postman/collections/Billing/B.request.yaml': request('https://x.io/b'),
      'postman/environments/dev.environment.yaml': 'name: dev\nvalues: []\n',
    });
    for (const at of [path.join(folder, 'postman'), path.join(folder, 'postman/collections')]) {
      const error = await loadError(at);
      expect(error.message).toBe('is a Postman workspace folder with 2 collections: "Billing", "Shop".');
      expect(error.hint).toMatch(/Point the generator at one of them, e\.g\. .*postman\/collections\/Billing\./);
    }
    const one = await loadCollection(path.join(folder, 'postman/collections/Shop'));
    expect(one.collection.items.map((item) => item.name)).toEqual(['A']);
  });

  it('takes the only collection of a workspace folder', async () => {
    const folder = await folderOf({ 'postman/collections/Shop/Sub/A.request.yaml': request('https://x.io/a') });
    const loaded = await loadCollection(path.join(folder, 'postman'));
    expect(loaded.file).toMatch(/postman\/collections\/Shop$/);
  });

  it('refuses a folder with no request files, and the single-document layout', async () => {
    expect((await loadError(await folderOf({ 'notes.md': '# hi\n', 'api.json': '{}' }))).hint).toContain('api.json');
    expect(
      (await loadError(await folderOf({ 'collection.yaml': '$kind: collection\nitems: []\n' }))).message,
    ).toContain('single-document v3 layout');
  });
});

describe('a v3 folder as the input of generate', () => {
  it('is hashed file by file for the drift check, and recorded in the manifest as a folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-v3-gen-'));
    const collection = path.join(folder, 'postman/collections/Shop');
    await cp(fixture('shop-v3'), collection, { recursive: true });
    await writeFile(
      path.join(folder, 'postman-codegen.config.json'),
      JSON.stringify({ clients: [{ name: 'Shop', collection: 'postman/collections/Shop', out: 'src/shop' }] }),
    );
    expect((await run(['generate', '--quiet'], folder)).code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(folder, 'src/shop/manifest.json'), 'utf8'));
    expect(manifest.input.folder).toBe('Shop');
    expect(Object.keys(manifest.input.files)).toContain(
      'Products/.resources/Get product.resources/examples/Missing.example.yaml',
    );
    expect(Object.keys(manifest.input.files)).toHaveLength(27);
    expect((await run(['check'], folder)).code).toBe(0);

    // A change to any file of the folder, even one that changes no output, is drift.
    const example = path.join(collection, 'Products/.resources/Get product.resources/examples/Missing.example.yaml');
    await writeFile(example, `${await readFile(example, 'utf8')}# reviewed\n`);
    const check = await run(['check'], folder);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('the collection or its configuration changed');
    expect(check.stderr).toContain('stale    manifest.json');
  });

  it('is watched whole: a change in a nested file regenerates', async () => {
    const folder = await folderOf({ 'Items/List.request.yaml': request('https://w.example.com/items') });
    const out = `${folder}-out`;
    let stdout = '';
    let stderr = '';
    const reporter = new Reporter({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    const controller = new AbortController();
    const watching = runWatch({ collection: folder, out }, reporter, controller.signal, 50);
    const until = async (check: () => Promise<boolean>): Promise<boolean> => {
      for (let i = 0; i < 100; i++) {
        if (await check()) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    const clientHas = (text: string) => async () =>
      (await readFile(path.join(out, 'client.ts'), 'utf8').catch(() => '')).includes(text);
    // Each run ends by watching again; Node sets a recursive watch up asynchronously, hence the pause.
    const watchingAgain = async (runs: number): Promise<void> => {
      await until(async () => stdout.split('watching for changes').length > runs);
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    expect(await until(clientHas('readonly list ='))).toBe(true);
    await watchingAgain(1);
    await writeFile(
      path.join(folder, 'Items/Create.request.yaml'),
      request('https://w.example.com/items').replace('GET', 'POST'),
    );
    expect(await until(clientHas('readonly create ='))).toBe(true);
    await watchingAgain(2);
    await writeFile(path.join(folder, 'Items/Create.request.yaml'), '$kind: http-request\nurl: {{x}}\n');
    expect(await until(async () => stderr.includes('Quote values that start with {{'))).toBe(true);
    controller.abort();
    expect(await watching).toBe(0);
    await rm(out, { recursive: true, force: true });
  }, 30_000);
});
