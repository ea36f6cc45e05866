/** The command line: parses flags, calls the stages, reports. Exit codes: 0 ok, 1 check failed, 2 bad input or usage. */
import { Command, CommanderError, Option } from 'commander';
import { CodegenError } from './errors.js';
import { VERSION } from './version.js';
import { Reporter, processIo, type Io } from './reporter.js';
import type { GenerateOptions } from './commands/generate.js';
import type { DocsOptions } from './commands/docs.js';

// Each command is imported when it runs, never at start-up: the commands pull in
// the emitter, the docs renderer and the Postman SDK, which `--version` and `--help` do not need.
const commands = {
  generate: () => import('./commands/generate.js'),
  model: () => import('./commands/model.js'),
  watch: () => import('./commands/watch.js'),
  diff: () => import('./commands/diff.js'),
  docs: () => import('./commands/docs.js'),
};

interface GlobalOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

function program(io: Io, setCode: (code: number) => void, signal: AbortSignal): Command {
  const cli = new Command('postman-codegen')
    .description('Turn a Postman collection into a typed, zero-dependency API client.')
    .version(VERSION, '-V, --version')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'print every file written and every note')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR does the same)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  const reporter = (): Reporter => {
    const globals = cli.opts<GlobalOptions>();
    const level = globals.quiet ? 'quiet' : globals.verbose ? 'verbose' : 'normal';
    return new Reporter({ ...io, color: Boolean(io.color) && globals.color !== false }, level);
  };

  const generateOptions = (command: Command): Command =>
    command
      .argument(
        '[collection]',
        'a Postman collection file or Native Git (v3) collection folder; without it, every client of the config file',
      )
      .option('-o, --out <dir>', 'output folder, with a collection argument', 'generated/client')
      .option('-n, --name <Name>', 'PascalCase stem of the generated names, with a collection argument')
      .option('-c, --config <file>', 'config file (default: postman-codegen.config.json or .mjs in this folder)');

  generateOptions(cli.command('generate'))
    .description(
      'Generate typed clients and write them (only files listed in the previous manifest are ever replaced or removed).',
    )
    .option('--check', 'write nothing; exit 1 when the output is not what the generator makes now')
    .option(
      '--changelog <file>',
      'prepend a dated Markdown entry of the API changes to this file (the date: SOURCE_DATE_EPOCH when set)',
    )
    .option('-w, --watch', 'regenerate when a collection or the config changes')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ postman-codegen generate                          # every client of the config file',
        '  $ postman-codegen generate --check                  # in CI: is generated/ current?',
        '  $ postman-codegen generate api.json --out src/api --name Shop',
        '  $ postman-codegen generate postman/collections/Shop --out src/shop',
        '  $ postman-codegen generate --watch',
        '',
      ].join('\n'),
    )
    .action(async (collection: string | undefined, options: GenerateOptions & { watch?: boolean }) => {
      const args = { ...options, ...(collection ? { collection } : {}) };
      if (options.watch) setCode(await (await commands.watch()).runWatch(args, reporter(), signal));
      else setCode(await (await commands.generate()).runGenerate(args, reporter()));
    });

  generateOptions(cli.command('check'))
    .description('Exit 1 when generated output is stale, missing files, or has extra ones; write nothing.')
    .addHelpText('after', '\nExamples:\n  $ postman-codegen check\n  $ postman-codegen check api.json --out src/api\n')
    .action(async (collection: string | undefined, options: GenerateOptions) => {
      const { runGenerate } = await commands.generate();
      setCode(await runGenerate({ ...options, ...(collection ? { collection } : {}), check: true }, reporter()));
    });

  cli
    .command('model')
    .description('Print (or write) the route model of a collection as JSON.')
    .argument(
      '<collection>',
      'a Postman collection file (v1, v2.0, v2.1, or the {"collection": …} export) or a Native Git (v3) collection folder',
    )
    .option('-o, --out <file>', 'write the model to this file instead of standard output')
    .addOption(new Option('--overrides <file>', 'a JSON file of types that win over inference'))
    .addHelpText(
      'after',
      '\nExamples:\n  $ postman-codegen model collection/shop.postman_collection.json\n  $ postman-codegen model api.json --out model.json\n',
    )
    .action(async (collection: string, options: { out?: string; overrides?: string }) => {
      setCode(await (await commands.model()).runModel(collection, options, reporter()));
    });
  cli
    .command('diff')
    .description(
      'Report what changed between two versions of a collection, for the code that calls the client; exit 1 when something breaks it.',
    )
    .argument('<old>', 'a collection file, a model.json, or <git-ref>:<path> (read with git show)')
    .argument('<new>', 'the same, for the new version')
    .addOption(
      new Option('-f, --format <format>', 'text, markdown (a pull-request comment) or json')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .option('--allow-breaking', 'exit 0 even when a change is breaking')
    .option(
      '-c, --config <file>',
      'config file whose overrides and names apply (default: postman-codegen.config.json or .mjs in this folder, when present)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ postman-codegen diff origin/main:collection/api.json collection/api.json',
        '  $ postman-codegen diff old.json new.json --format markdown > comment.md',
        '  $ postman-codegen diff generated/api/model.json collection/api.json --format json',
        '',
      ].join('\n'),
    )
    .action(
      async (before: string, after: string, options: { format?: string; allowBreaking?: boolean; config?: string }) => {
        const { runDiff } = await commands.diff();
        setCode(await runDiff(before, after, options, reporter()));
      },
    );
  cli
    .command('docs')
    .description('Write the HTML reference, the Markdown reference and openapi.json of a collection, with no client.')
    .argument('<collection>', 'a Postman collection file')
    .requiredOption(
      '-o, --out <dir>',
      'output folder (index.html, README.md, one .md per top-level folder, openapi.json)',
    )
    .option('-n, --name <Name>', 'PascalCase stem of the client names the docs show')
    .option('-c, --config <file>', "use this config's settings (signing, token, names) for the collection")
    .addHelpText(
      'after',
      '\nExamples:\n  $ postman-codegen docs api.json --out site/api\n  $ postman-codegen docs collection/accengage.postman_collection.json --out site --config postman-codegen.config.json\n',
    )
    .action(async (collection: string, options: DocsOptions) => {
      const { runDocs } = await commands.docs();
      setCode(await runDocs(collection, options, reporter()));
    });
  return cli;
}

/** Runs the CLI and returns the exit code. */
export async function main(
  argv: string[],
  io: Io = processIo(),
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  let code = 0;
  try {
    await program(io, (value) => (code = value), signal).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CodegenError) {
      io.stderr(`error: ${error.format()}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: one line by default, the stack with --verbose for the report.
    const detail =
      error instanceof Error
        ? argv.includes('--verbose')
          ? (error.stack ?? error.message)
          : error.message
        : String(error);
    io.stderr(`internal error (please report it, with --verbose for details): ${detail}\n`);
    return 70;
  }
}
