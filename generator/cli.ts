import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { CodegenError } from './errors.js';
import { loadCollection } from './load/index.js';
import { buildModel, serializeModel, type Diagnostic, type SchemaOverride } from './model/index.js';
import { parseJson } from './load/json.js';
import { VERSION } from './version.js';
import { DEFAULT_CONFIG, loadConfig, type ClientConfig } from './config.js';
import { generateClient } from './pipeline.js';
import { checkOutput, writeOutput } from './output.js';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** Reads a JSON file of schema overrides (an array of { operation, request?, responses? }). */
async function readOverrides(file: string): Promise<SchemaOverride[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CodegenError('cannot be read.', file, undefined, 'Check the path given to --overrides.');
  });
  const json = parseJson(text, file);
  if (!Array.isArray(json) || json.some((entry) => typeof entry !== 'object' || entry === null || typeof entry.operation !== 'string')) {
    throw new CodegenError('must be an array of {"operation": "...", "request"?: schema, "responses"?: {"200": schema}}.', file, '$');
  }
  return json as SchemaOverride[];
}

function reportDiagnostics(diagnostics: Diagnostic[], io: Io): void {
  for (const diagnostic of diagnostics) io.stderr(`${diagnostic.level}: ${diagnostic.where}: ${diagnostic.message}\n`);
}

function program(io: Io): Command {
  const cli = new Command('postman-codegen')
    .description('Turn a Postman collection into a typed API client, docs and an OpenAPI export.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  cli
    .command('model')
    .description('Print (or write) the route model of a collection as JSON.')
    .argument('<collection>', 'a Postman collection file (v1, v2.0, v2.1, or the {"collection": …} export)')
    .option('-o, --out <file>', 'write the model to this file instead of standard output')
    .option('--overrides <file>', 'a JSON file of types that win over inference')
    .addHelpText('after', '\nExamples:\n  $ postman-codegen model collection/accengage.postman_collection.json\n  $ postman-codegen model api.json --out generated/api/model.json\n')
    .action(async (collection: string, options: { out?: string; overrides?: string }) => {
      const overrides = options.overrides ? await readOverrides(options.overrides) : undefined;
      const loaded = await loadCollection(collection);
      const { model, diagnostics } = buildModel(loaded, overrides ? { overrides } : {});
      reportDiagnostics(diagnostics, io);
      const json = serializeModel(model);
      if (options.out) await writeAtomically(options.out, json);
      else io.stdout(json);
    });
  cli
    .command('generate')
    .description('Generate typed clients: for the collection given, or for every client of the config file.')
    .argument('[collection]', 'a Postman collection file (without it, the config file lists the clients)')
    .option('-o, --out <dir>', 'output folder (with a collection argument)', 'generated/client')
    .option('-n, --name <Name>', 'PascalCase stem of the client names (with a collection argument)')
    .option('-c, --config <file>', 'the config file', DEFAULT_CONFIG)
    .option('--check', 'write nothing; exit 1 when the output folder is not what the generator makes now')
    .addHelpText(
      'after',
      '\nExamples:\n  $ postman-codegen generate                      # every client of postman-codegen.config.json\n  $ postman-codegen generate --check              # in CI: is generated/ current?\n  $ postman-codegen generate api.json --out src/api --name Shop\n',
    )
    .action(async (collection: string | undefined, options: { out: string; name?: string; config: string; check?: boolean }) => {
      const started = Date.now();
      const config = collection
        ? { file: undefined, clients: [{ collection, out: options.out, ...(options.name ? { name: options.name } : {}) } as ClientConfig] }
        : await loadConfig(options.config);
      let failed = false;
      for (const client of config.clients) {
        const generated = await generateClient(client, config.file);
        reportDiagnostics(generated.diagnostics, io);
        const out = client.out.split(path.sep).join('/');
        if (options.check) {
          const report = await checkOutput(client.out, generated.files);
          const problems = [...report.stale.map((f) => `stale: ${f}`), ...report.missing.map((f) => `missing: ${f}`), ...report.extra.map((f) => `extra: ${f}`)];
          if (problems.length > 0) {
            failed = true;
            io.stderr(`${out} is not current (run \`postman-codegen generate\`):\n  ${problems.join('\n  ')}\n`);
            if (report.firstDiff) io.stderr(`${report.firstDiff}\n`);
          } else {
            io.stdout(`${out}: current (${generated.operations} operations, ${generated.files.size} files)\n`);
          }
          continue;
        }
        const report = await writeOutput(client.out, generated.files, generated.inputHash);
        io.stdout(
          `${out}: ${generated.operations} operations in ${generated.resources} resources; files ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed (${Date.now() - started} ms)\n`,
        );
      }
      if (failed) throw new CodegenError('generated output is stale.', config.file ?? options.out, undefined, undefined, 1);
    });
  return cli;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 check failed, 2 bad input or usage. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    await program(io).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CodegenError) {
      io.stderr(`error: ${error.format()}\n`);
      return error.exitCode;
    }
    io.stderr(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
