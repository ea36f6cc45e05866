import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { CodegenError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { resolveClients, runGenerate, type GenerateOptions } from './generate.js';
import { findConfig } from '../config.js';
import { isFolder } from '../load/index.js';

/**
 * Regenerates whenever a collection (any file of a collection folder) or the config file
 * changes, debounced, until the signal aborts. A bad edit prints its error and waits for the next save.
 */
export async function runWatch(
  options: GenerateOptions,
  reporter: Reporter,
  signal: AbortSignal,
  debounceMs = 150,
): Promise<number> {
  let watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();

  /** The files to watch (the config, JSON collections) and the collection folders, watched whole. */
  const watched = async (): Promise<{ files: string[]; folders: string[] }> => {
    const files = new Set<string>();
    const folders = new Set<string>();
    if (!options.collection) {
      try {
        files.add(path.resolve(findConfig(options.config)));
      } catch {
        // reported by the run itself
      }
    }
    try {
      for (const client of (await resolveClients(options)).clients) {
        const collection = path.resolve(client.collection);
        if (await isFolder(collection)) folders.add(collection);
        else files.add(collection);
      }
    } catch {
      // a broken config still watches the config file, so that fixing it triggers a run
    }
    return { files: [...files], folders: [...folders] };
  };

  const rewatch = async (): Promise<void> => {
    for (const watcher of watchers) watcher.close();
    // Folders are watched, not files: editors often save by replacing the file.
    const { files, folders: collectionFolders } = await watched();
    const folders = new Map<string, Set<string>>();
    for (const file of files) {
      const names = folders.get(path.dirname(file)) ?? new Set<string>();
      names.add(path.basename(file));
      folders.set(path.dirname(file), names);
    }
    watchers = [
      ...[...folders].map(([folder, names]) =>
        watch(folder, (_event, name) => {
          if (name && names.has(name.toString())) schedule();
        }),
      ),
      // A v3 collection is a whole tree of files: any change anywhere in it counts.
      ...collectionFolders.map((folder) => watch(folder, { recursive: true }, () => schedule())),
    ];
  };

  const once = async (): Promise<void> => {
    try {
      await runGenerate({ ...options, check: false }, reporter);
    } catch (error) {
      if (error instanceof CodegenError) reporter.error(error.format());
      else throw error;
    }
    await rewatch();
    reporter.info('watching for changes (Ctrl-C to stop)');
  };

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(once);
    }, debounceMs);
  }

  await once();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
  return 0;
}
