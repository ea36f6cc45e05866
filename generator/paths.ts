import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder, found by walking up from this module to the package.json named
 * postman-codegen: the same answer from the TypeScript sources and from the compiled dist/.
 */
function findPackageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'postman-codegen'
    )
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('postman-codegen: cannot find its own package.json');
    folder = parent;
  }
}

export const packageRoot = findPackageRoot();
export const templatesDir = path.join(packageRoot, 'templates');
export const runtimeDir = path.join(templatesDir, 'runtime');
