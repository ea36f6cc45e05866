/**
 * The generator as a tool: drift check, safe writes, bad input, output options, watch, configs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../generator/cli.js';
import { runWatch } from '../generator/commands/watch.js';
import { recoverOutput } from '../generator/output.js';
import { Reporter } from '../generator/reporter.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { fixture, root } from './helpers.js';

async function run(args: string[], options: { cwd?: string; color?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const previous = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(['node', 'postman-codegen', ...args], {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      color: options.color ?? false,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

/** Every file below a folder with its hash: "byte-identical before and after". */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(folder, relative), { withFileTypes: true }).catch(() => [])) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) await walk(name);
      else
        result[name] = createHash('sha256')
          .update(await readFile(path.join(folder, name)))
          .digest('hex');
    }
  };
  await walk('');
  return result;
}

/** A project folder with the Accengage collection and config, generated once. */
async function project(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-tool-'));
  await cp(path.join(root, 'collection'), path.join(folder, 'collection'), { recursive: true });
  await cp(path.join(root, 'postman-codegen.config.json'), path.join(folder, 'postman-codegen.config.json'));
  await cp(path.join(root, 'postman-codegen.schema.json'), path.join(folder, 'postman-codegen.schema.json'));
  const { code } = await run(['generate'], { cwd: folder });
  expect(code).toBe(0);
  return folder;
}

describe('check', () => {
  it('passes on fresh output and names each kind of drift precisely', async () => {
    const folder = await project();
    const out = path.join(folder, 'generated/accengage');
    expect((await run(['check'], { cwd: folder })).code).toBe(0);

    const client = path.join(out, 'client.ts');
    await writeFile(client, (await readFile(client, 'utf8')).replace('readonly devices =', 'readonly devizes ='));
    let result = await run(['check'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('stale    client.ts');
    expect(result.stderr).toMatch(/--- client\.ts \(on disk\)\n\+\+\+ client\.ts \(generated now\)/);
    expect(result.stderr).toContain('-  readonly devizes =');

    await run(['generate'], { cwd: folder });
    await rm(path.join(out, 'runtime/link.ts'));
    result = await run(['check'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing  runtime/link.ts');

    await run(['generate'], { cwd: folder });
    const collectionFile = path.join(folder, 'collection/accengage.postman_collection.json');
    const collection = JSON.parse(await readFile(collectionFile, 'utf8'));
    collection.item[1].item.push({ name: 'Get me again', request: { method: 'GET', url: '{{baseUrl}}/v1/me/again' } });
    await writeFile(collectionFile, JSON.stringify(collection));
    result = await run(['generate', '--check'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the collection or its configuration changed');
    expect(result.stderr).toContain('stale    operations.ts');
    expect(result.stderr).toContain('stale    model.json');
  });

  it('reports files the previous output had and this one no longer makes', async () => {
    const folder = await project();
    const out = path.join(folder, 'generated/accengage');
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    manifest.files['old.ts'] = 'x';
    await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(path.join(out, 'old.ts'), 'export {};\n');
    const result = await run(['check'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('extra    old.ts');
    await run(['generate'], { cwd: folder });
    await expect(stat(path.join(out, 'old.ts'))).rejects.toThrow();
  });
});

describe('safe writes', () => {
  it('never touches files the user added, keeps unchanged files as they were, removes only what it owned', async () => {
    const folder = await project();
    const out = path.join(folder, 'generated/accengage');
    await writeFile(path.join(out, 'extensions.ts'), '// mine\n');
    const before = { user: await stat(path.join(out, 'extensions.ts')), types: await stat(path.join(out, 'types.ts')) };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const configFile = path.join(folder, 'postman-codegen.config.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    config.clients[0].errorLabels.push('API_ERR_NEW');
    await writeFile(configFile, JSON.stringify(config));
    const result = await run(['generate', '--verbose'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('wrote generated/accengage/client.ts');
    expect(result.stdout).toMatch(/files: 5 written, 25 unchanged, 0 removed/);
    const after = { user: await stat(path.join(out, 'extensions.ts')), types: await stat(path.join(out, 'types.ts')) };
    expect(await readFile(path.join(out, 'extensions.ts'), 'utf8')).toBe('// mine\n');
    expect(after.user.mtimeMs).toBe(before.user.mtimeMs);
    expect(after.user.ino).toBe(before.user.ino);
    expect(after.types.mtimeMs).toBe(before.types.mtimeMs);
    expect(await readFile(path.join(out, 'client.ts'), 'utf8')).toContain("'API_ERR_NEW'");
  });

  it('leaves a complete client, old or new, whenever generation is killed mid-write', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-kill-'));
    const collection = path.join(folder, 'big.json');
    const out = path.join(folder, 'out');
    await writeFile(collection, JSON.stringify(syntheticCollection(300)));
    expect((await run(['generate', collection, '--out', out])).code).toBe(0);
    const bin = path.join(root, 'bin/postman-codegen.js');
    let killedWhileStaging = 0;
    for (const [index, extraMs] of [0, 0, 1, 2, 3, 5, 8].entries()) {
      const variant = syntheticCollection(300);
      (variant.info as { name: string }).name = `Big ${index}`;
      await writeFile(collection, JSON.stringify(variant));
      const child = spawn(process.execPath, [bin, 'generate', collection, '--out', out, '--quiet'], {
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      let running = true;
      void exited.then(() => (running = false));
      // Kill as soon as the staging folder exists (plus a few ms): that is, while files are being written.
      const staging = `out.staging-${child.pid}`;
      while (running && !(await readdir(folder)).includes(staging))
        await new Promise((resolve) => setTimeout(resolve, 1));
      if (running) {
        await new Promise((resolve) => setTimeout(resolve, extraMs));
        if (running) killedWhileStaging++;
        child.kill('SIGKILL');
      }
      await exited;
      await recoverOutput(out);
      const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
        files: Record<string, string>;
      };
      for (const [name, hash] of Object.entries(manifest.files)) {
        const content = await readFile(path.join(out, name));
        expect(
          createHash('sha256').update(content).digest('hex'),
          `${name} after a kill ${extraMs} ms into the write`,
        ).toBe(hash);
      }
      expect((await readdir(folder)).filter((name) => name.startsWith('out.'))).toEqual([]);
    }
    expect(killedWhileStaging).toBeGreaterThan(0);
  }, 120_000);

  it('puts back an output folder left aside by a kill between the two renames', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-recover-'));
    const aside = path.join(folder, 'out.previous-1234');
    await cp(path.join(root, 'generated/accengage'), aside, { recursive: true });
    await cp(path.join(root, 'generated/accengage'), path.join(folder, 'out.staging-1234'), { recursive: true });
    await recoverOutput(path.join(folder, 'out'));
    expect((await readdir(folder)).sort()).toEqual(['out']);
    expect(await snapshot(path.join(folder, 'out'))).toEqual(await snapshot(path.join(root, 'generated/accengage')));
  });
});

describe('bad input', () => {
  const cases: Array<[string, (folder: string) => Promise<string[]>, RegExp]> = [
    [
      'malformed JSON',
      async (f) => (
        await writeFile(path.join(f, 'c.json'), '{"info": {"name": "x"},, }'),
        ['generate', 'c.json', '--out', 'generated/accengage']
      ),
      /c\.json \(line 1, column 24\): is not valid JSON/,
    ],
    [
      'not a collection',
      async (f) => (
        await writeFile(path.join(f, 'c.json'), '{"openapi": "3.1.0"}'),
        ['generate', 'c.json', '--out', 'generated/accengage']
      ),
      /is not a Postman collection/,
    ],
    [
      'an unknown schema version',
      async (f) => (
        await writeFile(
          path.join(f, 'c.json'),
          JSON.stringify({
            info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v9.0.0/collection.json' },
            item: [],
          }),
        ),
        ['generate', 'c.json', '--out', 'generated/accengage']
      ),
      /schema v9\.0/,
    ],
    [
      'an unreadable path',
      async () => ['generate', 'nowhere/c.json', '--out', 'generated/accengage'],
      /nowhere\/c\.json: does not exist/,
    ],
    [
      'a config error',
      async (f) => (
        await writeFile(
          path.join(f, 'postman-codegen.config.json'),
          JSON.stringify({
            clients: [
              { collection: 'collection/accengage.postman_collection.json', out: 'generated/accengage', signer: 'x' },
            ],
          }),
        ),
        ['generate']
      ),
      /unknown key "signer"/,
    ],
    [
      'conflicting names',
      async (f) => {
        const file = path.join(f, 'postman-codegen.config.json');
        const config = JSON.parse(await readFile(file, 'utf8'));
        config.clients[0].names = { 'Devices / Get device': 'list' };
        await writeFile(file, JSON.stringify(config));
        return ['generate'];
      },
      /gives "list" to both "List devices" and "Get device"/,
    ],
    [
      'a structural error',
      async (f) => (
        await writeFile(
          path.join(f, 'c.json'),
          JSON.stringify({
            info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
            item: [{ name: 'Devices', item: [{ name: 'List devices', request: { url: 7 } }] }],
          }),
        ),
        ['generate', 'c.json', '--out', 'generated/accengage']
      ),
      /item "Devices \/ List devices" at \$\.item\[0\]\.item\[0\]\.request\.url/,
    ],
  ];

  it.each(cases)('%s: one clear paragraph, exit 2, output untouched', async (_name, prepare, message) => {
    const folder = await project();
    const before = await snapshot(path.join(folder, 'generated'));
    const result = await run(await prepare(folder), { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(path.join(folder, 'generated'))).toEqual(before);
  });
});

describe('output options', () => {
  it('is quiet with --quiet, and colours only when allowed', async () => {
    const folder = await project();
    expect((await run(['--quiet', 'generate'], { cwd: folder })).stdout).toBe('');
    const scripted = await run(['generate', fixture('auth-types.json'), '--out', path.join(folder, 'auth')], {
      color: true,
    });
    expect(scripted.stderr).toContain('\u001b[33mwarning\u001b[0m');
    const plain = await run(
      ['--no-color', 'generate', fixture('auth-types.json'), '--out', path.join(folder, 'auth')],
      { color: true },
    );
    expect(plain.stderr).not.toContain('\u001b[');
    expect(plain.stderr).toContain('warning: ');
  });

  it('prints the version and help with examples', async () => {
    expect((await run(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const command of ['generate', 'check', 'model']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  });

  it('reads an .mjs config', async () => {
    const folder = await project();
    await rm(path.join(folder, 'postman-codegen.config.json'));
    await writeFile(
      path.join(folder, 'postman-codegen.config.mjs'),
      "export default { clients: [{ name: 'Shop', collection: 'collection/accengage.postman_collection.json', out: 'generated/shop' }] };\n",
    );
    const result = await run(['generate'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(folder, 'generated/shop/client.ts'), 'utf8')).toContain('export class ShopClient');
  });
});

describe('watch', () => {
  it('regenerates on change, survives a bad edit, and stops when asked', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-watch-'));
    const collection = path.join(folder, 'c.json');
    const out = path.join(folder, 'out');
    const write = (name: string) =>
      writeFile(
        collection,
        JSON.stringify({
          info: { name: 'W', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          item: [{ name, request: 'https://w.example.com/x' }],
        }),
      );
    await write('First');
    let stdout = '';
    let stderr = '';
    const reporter = new Reporter({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    const controller = new AbortController();
    const watching = runWatch({ collection, out }, reporter, controller.signal, 50);
    const until = async (check: () => Promise<boolean>): Promise<void> => {
      for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const clientHas = (text: string) => async () =>
      (await readFile(path.join(out, 'client.ts'), 'utf8').catch(() => '')).includes(text);
    await until(clientHas('readonly first ='));
    expect(await clientHas('readonly first =')()).toBe(true);
    await writeFile(collection, '{ broken');
    await until(async () => stderr.includes('is not valid JSON'));
    expect(stderr).toContain('is not valid JSON');
    await write('Second');
    await until(clientHas('readonly second ='));
    expect(await clientHas('readonly second =')()).toBe(true);
    controller.abort();
    expect(await watching).toBe(0);
    expect(stdout).toContain('watching for changes');
  }, 30_000);
});
