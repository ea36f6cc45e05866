/**
 * `postman-codegen diff` end to end, and what `generate` and `check` say about API changes:
 * formats, exit codes, git refs, model.json sides, the configuration, colour, the changelog.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../generator/cli.js';
import { MODEL_VERSION } from '../generator/model/types.js';
import { root } from './helpers.js';

async function run(args: string[], options: { cwd?: string; color?: boolean; outputColor?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const io = {
      stdout: (text: string) => void (stdout += text),
      stderr: (text: string) => void (stderr += text),
      color: options.color ?? false,
    };
    const code = await main(
      ['node', 'postman-codegen', ...args],
      options.outputColor === undefined ? io : { ...io, outputColor: options.outputColor },
    );
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

type Json = Record<string, any>;
const shopFile = path.join(root, 'test/fixtures/diff/shop.json');
const shop = async (): Promise<Json> => JSON.parse(await readFile(shopFile, 'utf8'));
const getDevice = (collection: Json): Json => collection.item[0].item[0];

/** A folder with old.json (the shop) and new.json (edited by `edit`). */
async function pair(edit: (collection: Json) => void): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-diff-'));
  const after = await shop();
  edit(after);
  await cp(shopFile, path.join(folder, 'old.json'));
  await writeFile(path.join(folder, 'new.json'), JSON.stringify(after, null, 2));
  return folder;
}

/** bounce becomes a string (breaking); a request is added (minor); a description is edited (patch). */
function mixed(collection: Json): void {
  for (const example of getDevice(collection).response.slice(0, 2)) {
    const body = JSON.parse(example.body);
    example.body = JSON.stringify({ ...body, bounce: String(body.bounce) });
  }
  collection.item[0].item.push({
    id: 'op-count',
    name: 'Count devices',
    request: { method: 'GET', url: '{{baseUrl}}/v1/devices/count' },
  });
  collection.item[0].description = 'Every device of an app.';
}

/** git in a folder, as a test's own committer. */
const gitIn =
  (folder: string) =>
  (...args: string[]): Buffer =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: folder,
      stdio: 'pipe',
    });

describe('postman-codegen diff', () => {
  it('reports each kind in text, with the field path, and exits 1 on a breaking change (0 with --allow-breaking)', async () => {
    const folder = await pair(mixed);
    const result = await run(['diff', 'old.json', 'new.json'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'old.json → new.json',
        '3 changes: 1 breaking, 1 minor, 1 patch. Suggested version bump: major.',
        '',
        'Breaking (1)',
        '  Devices / Get device response field bounce: number → string',
        '    responses.200.body.bounce: code that reads it gets values of another type',
        '',
        'Minor (1)',
        '  Devices / Count devices added',
        '    a new call; existing code is unaffected',
        '',
        'Patch (1)',
        '  Devices description changed',
        '    description: documentation only',
        '',
      ].join('\n'),
    );
    expect((await run(['diff', 'old.json', 'new.json', '--allow-breaking'], { cwd: folder })).code).toBe(0);
  });

  it('exits 0 when nothing is breaking, and says so when nothing changed', async () => {
    const folder = await pair(
      (collection) => (getDevice(collection).request.description = 'Another text.\n\nStatus: confirmed'),
    );
    const patch = await run(['diff', 'old.json', 'new.json'], { cwd: folder });
    expect(patch.code).toBe(0);
    expect(patch.stdout).toContain('Suggested version bump: patch.');
    const same = await run(['diff', 'old.json', 'old.json'], { cwd: folder });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('old.json → old.json\nNo changes. Suggested version bump: none.\n');
  });

  it('writes a pull-request comment in Markdown: summary, bump, one table per kind', async () => {
    const folder = await pair(mixed);
    const { code, stdout } = await run(['diff', 'old.json', 'new.json', '--format', 'markdown'], { cwd: folder });
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '### API changes: 3 changes: 1 breaking, 1 minor, 1 patch',
      '',
      'Suggested version bump: **major** (`old.json` → `new.json`)',
    ]);
    expect(stdout).toContain('#### Breaking (1)\n\n| Operation | Field | Change | Before | After | Why |');
    expect(stdout).toContain(
      '| Devices / Get device (`GET /v1/devices/{deviceId}`) | `responses.200.body.bounce` | response-type-changed | `number` | `string` | code that reads it gets values of another type |',
    );
    expect(stdout).toContain('| Devices / Count devices (`GET /v1/devices/count`) |  | operation-added |');
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints the documented JSON shape, the same bytes every run', async () => {
    const folder = await pair(mixed);
    const first = await run(['diff', 'old.json', 'new.json', '--format', 'json'], { cwd: folder });
    const second = await run(['diff', 'old.json', 'new.json', '--format', 'json'], { cwd: folder });
    expect(first.stdout).toBe(second.stdout);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(['format', 'old', 'new', 'bump', 'counts', 'changes']);
    expect(json).toMatchObject({
      format: 'postman-codegen-diff/1',
      old: 'old.json',
      new: 'new.json',
      bump: 'major',
      counts: { breaking: 1, minor: 1, patch: 1 },
    });
    expect(json.changes[0]).toEqual({
      kind: 'breaking',
      rule: 'response-type-changed',
      subject: {
        kind: 'operation',
        name: 'Devices / Get device',
        id: 'op-get',
        method: 'GET',
        path: '/v1/devices/{deviceId}',
      },
      field: 'responses.200.body.bounce',
      before: 'number',
      after: 'string',
      reason: 'code that reads it gets values of another type',
      message: 'Devices / Get device response field bounce: number → string',
    });
  });

  it('reads a Native Git (v3) folder as a side: the same collection in both formats differs by nothing', async () => {
    const v21 = path.join(root, 'test/fixtures/collections/shop-v2.1.json');
    const v3 = path.join(root, 'test/fixtures/collections/shop-v3');
    const same = await run(['diff', v21, v3]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No changes.');
    const other = await run(['diff', shopFile, v3]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/breaking/);
  });

  it('reads a Native Git (v3) folder of a commit, <git-ref>:<folder>, against the working copy', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-diff-git-v3-'));
    await cp(path.join(root, 'test/fixtures/collections/shop-v3'), path.join(folder, 'api'), { recursive: true });
    const git = gitIn(folder);
    git('init', '-q');
    git('add', 'api');
    git('commit', '-qm', 'shop');
    const same = await run(['diff', 'HEAD:api', 'api'], { cwd: folder });
    expect(same.stdout).toContain('No changes.');
    expect(same.code).toBe(0);
    await rm(path.join(folder, 'api', 'Admin', 'Purge cache.request.yaml'));
    const changed = await run(['diff', 'HEAD:api/', 'api'], { cwd: folder });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('Admin / Purge cache removed');
    // A folder of the commit that holds no collection is refused, as it is on disk.
    const notCollection = await run(['diff', 'HEAD:api/Admin/.resources', 'api'], { cwd: folder });
    expect(notCollection.code).toBe(2);
    expect(notCollection.stderr).toContain('is a folder with no *.request.yaml in it');
  });

  it('reads <git-ref>:<path> through git show', async () => {
    const folder = await pair(() => undefined);
    const git = gitIn(folder);
    git('init', '-q');
    git('add', 'old.json');
    git('commit', '-qm', 'shop');
    const edited = await shop();
    edited.item[0].item.splice(1, 1);
    await writeFile(path.join(folder, 'old.json'), JSON.stringify(edited));
    const result = await run(['diff', 'HEAD:old.json', 'old.json'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('HEAD:old.json → old.json');
    expect(result.stdout).toContain('Devices / Create device removed');
    const missing = await run(['diff', 'HEAD:nothing.json', 'old.json'], { cwd: folder });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: HEAD:nothing\.json: cannot be read with git show: .*nothing\.json.*\n$/);
    // A side that would be a git option is never given to git as one: nothing is written.
    const option = await run(['diff', '--', '--output=written:x', 'old.json'], { cwd: folder });
    expect(option.code).toBe(2);
    expect(existsSync(path.join(folder, 'written:x'))).toBe(false);
  });

  it('reads a model.json side as it is, and applies the configuration to collections', async () => {
    const folder = await pair(() => undefined);
    const config = { clients: [{ collection: 'old.json', out: 'out', names: { 'Devices / Get device': 'fetchOne' } }] };
    await writeFile(path.join(folder, 'postman-codegen.config.json'), JSON.stringify(config));
    expect((await run(['generate'], { cwd: folder })).code).toBe(0);
    const configured = await run(['diff', 'out/model.json', 'old.json'], { cwd: folder });
    expect(configured.stdout).toContain('No changes.');
    // The same comparison from another folder: no configuration applies to the collection.
    const elsewhere = await run(['diff', path.join(folder, 'out/model.json'), path.join(folder, 'old.json')], {
      cwd: tmpdir(),
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain(
      'Devices / Get device renamed: devices.fetchOne (devicesGet) → devices.get (devicesGet)',
    );
  });

  it('fails with one paragraph and exit 2 on bad input', async () => {
    const folder = await pair(() => undefined);
    const missing = await run(['diff', 'old.json', 'gone.json'], { cwd: folder });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: gone.json: does not exist. Check the path to the collection.\n');
    await writeFile(
      path.join(folder, 'model.json'),
      JSON.stringify({
        modelVersion: MODEL_VERSION,
        operations: [{ id: 1 }],
        resources: [],
        baseUrl: {},
        variables: [],
        auth: {},
      }),
    );
    const broken = await run(['diff', 'model.json', 'old.json'], { cwd: folder });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^error: model\.json \(\$\.operations\[0\]\.id\): is not a route model this version reads: "id" must be a string\. /,
    );
    await writeFile(
      path.join(folder, 'future.json'),
      JSON.stringify({ modelVersion: 99, operations: [], resources: [] }),
    );
    expect((await run(['diff', 'future.json', 'old.json'], { cwd: folder })).stderr).toContain(
      `version 99, this postman-codegen reads version ${MODEL_VERSION}`,
    );
    const format = await run(['diff', 'old.json', 'old.json', '--format', 'yaml'], { cwd: folder });
    expect(format.code).toBe(2);
  });

  it('refuses a model.json edited out of shape below its operations, naming the place', async () => {
    const folder = await pair(() => undefined);
    expect((await run(['model', 'old.json', '--out', 'good.json'], { cwd: folder })).code).toBe(0);
    const good = JSON.parse(await readFile(path.join(folder, 'good.json'), 'utf8'));
    const operation = (model: any) => model.resources[0].operations[0];
    const edits: Array<[(model: any) => void, RegExp]> = [
      [(model) => (operation(model).query = [{}]), /operations\[0\]\.query\[0\]\): .*a parameter must be/],
      [(model) => (operation(model).headers = [{}]), /operations\[0\]\.headers\[0\]\): .*a header must be/],
      [(model) => (operation(model).responses = [{}]), /operations\[0\]\.responses\[0\]\): .*a response must be/],
      [
        (model) => (operation(model).responses[0].schema = { type: 'array' }),
        /responses\[0\]\.schema\.items\): .*a schema must be an object with a type/,
      ],
      [
        (model) => (operation(model).responses[0].schema = { type: 'object' }),
        /responses\[0\]\.schema\): .*an object schema must have properties and required/,
      ],
      [
        (model) => (operation(model).responses[0].schema = { type: 'union' }),
        /responses\[0\]\.schema\): .*a union schema must have anyOf/,
      ],
    ];
    for (const [edit, message] of edits) {
      const model = structuredClone(good);
      edit(model);
      await writeFile(path.join(folder, 'edited.json'), JSON.stringify(model));
      const result = await run(['diff', 'good.json', 'edited.json'], { cwd: folder });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('colours text only when standard output is a terminal, and never when --no-color is given', async () => {
    const folder = await pair(mixed);
    const terminal = await run(['diff', 'old.json', 'new.json'], { cwd: folder, color: true });
    expect(terminal.stdout).toContain('\u001b[31mBreaking (1)\u001b[0m');
    const piped = await run(['diff', 'old.json', 'new.json'], { cwd: folder, color: true, outputColor: false });
    expect(piped.stdout).not.toContain('\u001b[');
    const plain = await run(['--no-color', 'diff', 'old.json', 'new.json'], { cwd: folder, color: true });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('API changes in generate and check', () => {
  it('generate prints one summary line and prepends a dated changelog entry; check names the breaking change', async () => {
    const folder = await pair(() => undefined);
    await writeFile(
      path.join(folder, 'postman-codegen.config.json'),
      JSON.stringify({ clients: [{ name: 'Shop', collection: 'api.json', out: 'out' }] }),
    );
    await cp(shopFile, path.join(folder, 'api.json'));
    const first = await run(['generate'], { cwd: folder });
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('API changes');

    const edited = await shop();
    mixed(edited);
    await writeFile(path.join(folder, 'api.json'), JSON.stringify(edited));
    const check = await run(['check'], { cwd: folder });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'Breaking changes against out/model.json:\n  Devices / Get device response field bounce: number → string\n',
    );

    await writeFile(path.join(folder, 'CHANGELOG.md'), '# Changelog\n\n## 2020-01-01: Shop\n\nOlder entry.\n');
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const second = await run(['generate', '--changelog', 'CHANGELOG.md'], { cwd: folder });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(
        'out: API changes: 1 operation added, 1 patch, 1 breaking: Devices / Get device response field bounce: number → string\n',
      );
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
    expect(await readFile(path.join(folder, 'CHANGELOG.md'), 'utf8')).toBe(
      [
        '# Changelog',
        '',
        '## 2023-11-14: Shop',
        '',
        '3 changes: 1 breaking, 1 minor, 1 patch. Suggested version bump: **major**.',
        '',
        '### Breaking',
        '',
        '- Devices / Get device response field bounce: number → string (`responses.200.body.bounce`)',
        '',
        '### Minor',
        '',
        '- Devices / Count devices added',
        '',
        '### Patch',
        '',
        '- Devices description changed (`description`)',
        '',
        '## 2020-01-01: Shop',
        '',
        'Older entry.',
        '',
      ].join('\n'),
    );
    // Regenerating the same collection: nothing changed, nothing added to the changelog.
    const again = await run(['generate', '--changelog', 'CHANGELOG.md'], { cwd: folder });
    expect(again.stdout).not.toContain('API changes');
    expect((await readFile(path.join(folder, 'CHANGELOG.md'), 'utf8')).match(/^## /gm)).toHaveLength(2);
  });
});
