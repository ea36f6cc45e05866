/**
 * The CLI works right after installing, with no separate build step: in a fresh clone after
 * `npm ci`, in a package that depends on a clone through a folder dependency, and from the packed
 * tarball. Offline, against a copy of this checkout (its dist/ is never touched).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../generator/version.js';
import { fixture, root } from './helpers.js';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const collection = fixture('body-modes.json');

/** What a clone holds that the build and the package need (no dist/, no node_modules/). */
async function freshClone(): Promise<string> {
  const clone = await mkdtemp(path.join(tmpdir(), 'pc-clone-'));
  for (const entry of [
    'bin',
    'generator',
    'templates',
    'scripts',
    'generated',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'postman-codegen.schema.json',
    'README.md',
  ]) {
    await cp(path.join(root, entry), path.join(clone, entry), {
      recursive: true,
    });
  }
  return clone;
}

const failureOf = (promise: Promise<unknown>): Promise<{ code: number; stderr: string }> =>
  promise.then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({
      code: error.code,
      stderr: error.stderr,
    }),
  );

describe('the CLI right after install', () => {
  it('works in a fresh clone after npm ci, in a package depending on it, and from its tarball', async () => {
    const clone = await freshClone();
    const consumer = await mkdtemp(path.join(tmpdir(), 'pc-consumer-'));
    try {
      await checkInstalls(clone, consumer);
    } finally {
      // Two installed trees are large: never leave them behind.
      await Promise.all([rm(clone, { recursive: true, force: true }), rm(consumer, { recursive: true, force: true })]);
    }
  }, 240_000);
});

async function checkInstalls(clone: string, consumer: string): Promise<void> {
  const bin = path.join(clone, 'bin/postman-codegen.js');

  // Before any install: a plain message with the fix, not ERR_MODULE_NOT_FOUND and a stack.
  const unbuilt = await failureOf(exec(process.execPath, [bin, '--version']));
  expect(unbuilt.code).toBe(2);
  expect(unbuilt.stderr).toMatch(/^postman-codegen is not built \(.*dist.generator.cli\.js is missing\): run `npm ci`/);

  await exec(npm, ['ci', '--offline'], { cwd: clone, env });
  expect((await exec(process.execPath, [bin, '--version'])).stdout.trim()).toBe(VERSION);
  const inClone = await exec(process.execPath, [bin, 'generate', collection, '--out', 'out'], { cwd: clone });
  expect(inClone.stdout).toMatch(/^out: \d+ operations/m);

  // A package that depends on the clone through a folder dependency runs it with npx.
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      private: true,
      devDependencies: { 'postman-codegen': `file:${clone}` },
    }),
  );
  await exec(npm, ['install', '--offline'], { cwd: consumer, env });
  const viaNpx = await exec(
    npm,
    ['exec', '--offline', '--', 'postman-codegen', 'generate', collection, '--out', 'api'],
    { cwd: consumer, env },
  );
  expect(viaNpx.stdout).toMatch(/^api: \d+ operations/m);
  expect(await readdir(path.join(consumer, 'api'))).toContain('client.ts');

  // The tarball holds everything the bin needs: unpacked beside the clone's dependencies, it runs.
  const packed = JSON.parse(
    (await exec(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', consumer], { cwd: clone, env }))
      .stdout,
  ) as Array<{
    filename: string;
  }>;
  const unpacked = path.join(clone, 'from-tarball/node_modules');
  await mkdir(unpacked, { recursive: true });
  await exec('tar', ['-xzf', path.join(consumer, packed[0]?.filename ?? ''), '-C', unpacked]);
  const fromTarball = await exec(
    process.execPath,
    [path.join(unpacked, 'package/bin/postman-codegen.js'), 'generate', collection, '--out', 'tgz'],
    {
      cwd: clone,
    },
  );
  expect(fromTarball.stdout).toMatch(/^tgz: \d+ operations/m);
}
