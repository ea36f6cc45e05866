import type { AuthPlan, AuthValue, ClientOption, ClientPlan, OperationPlan, ResourcePlan } from './plan.js';
import { FileScope } from './scope.js';
import {
  array,
  assignment,
  binary,
  block,
  breakAfterOperator,
  call,
  concat,
  documented,
  isOneLineDoc,
  importDecl,
  interfaceDecl,
  intersection,
  lines,
  literal,
  object,
  parameters,
  printFile,
  signature,
  prop,
  property,
  str,
  stringType,
  typeAlias,
  typeRef,
  typeText,
  union,
  verbatim,
  type Member,
} from './code/ts.js';
import { hardline, indent, join, print, type Doc } from './code/doc.js';

export interface ClientFileInput {
  plan: ClientPlan;
  header: string;
  /** The collection's raw base URL (`{{host}}/api` is composed from variables). */
  rawBaseUrl: string;
  /** The collection variable a static bearer token sits in (`{{accessToken}}`), if any. */
  staticTokenVariable: string;
}

function flatten(resources: ResourcePlan[]): ResourcePlan[] {
  return resources.flatMap((resource) => [resource, ...flatten(resource.resources)]);
}

/** The options every client takes, with their docs: the runtime's, after the collection's variables. */
const RUNTIME_OPTIONS: Array<[name: string, type: string, doc: string]> = [
  ['fetch', 'typeof fetch', 'The fetch implementation (defaults to the global fetch).'],
  ['now', '() => number', 'The clock, in milliseconds since the epoch (defaults to Date.now).'],
  [
    'timeoutMs',
    'number',
    'Time allowed for each attempt of each request, in milliseconds (default 30,000; 0 for none).',
  ],
  [
    'deadlineMs',
    'number',
    'Time allowed for a whole call (each page of a list), retries and their waits included (default 120,000 ms; 0 for none).',
  ],
  [
    'maxResponseBytes',
    'number',
    'Largest answer accepted, in bytes (default 64 MiB): past it, reading stops with a ResponseTooLargeError.',
  ],
  [
    'maxRedirects',
    'number',
    'Same-origin redirects followed per call, each re-signed (default 5). Redirects to another origin are never followed.',
  ],
  ['maxPages', 'number', 'Pages a listing reads at most before a PaginationError (default 10,000).'],
  ['maxRetries', 'number', 'Retries of idempotent requests after network errors, 408, 429 and 5xx (default 3).'],
  ['retry', 'Partial<RetryPolicy>', 'Backoff of those retries.'],
  ['hooks', 'Hooks', '`beforeRequest` may change or replace a request; `afterResponse` sees every answer.'],
  ['headers', 'Record<string, string>', 'Headers sent with every request.'],
];

/** The client file's own helpers for credentials, declared only when some auth uses them. */
const CREDENTIAL_HELPERS = {
  variable: "const variable = (name: string) => (): string => variables[name] ?? '';",
  constant: 'const constant = (value: string) => (): string => value;',
};

class ClientWriter {
  readonly scope: FileScope;
  readonly helpers = new Set<keyof typeof CREDENTIAL_HELPERS>();
  readonly runtime = new Map<string, Set<string>>();

  readonly plan: ClientPlan;

  constructor(readonly input: ClientFileInput) {
    const { plan } = input;
    this.plan = plan;
    const resources = flatten(plan.root.resources);
    this.scope = new FileScope([
      plan.labelType,
      plan.errorName,
      plan.optionsType,
      plan.coreFactory,
      plan.className,
      ...resources.map((resource) => resource.className),
      '$operations',
    ]);
  }

  /** The local name of a runtime export, noted for the imports. */
  use(module: string, name: string, typeOnly = false): string {
    const names = this.runtime.get(module) ?? new Set<string>();
    names.add(typeOnly ? `type ${name}` : name);
    this.runtime.set(module, names);
    return this.scope.local(name);
  }

  credential(value: AuthValue): Doc {
    if ('variable' in value) {
      this.helpers.add('variable');
      return call('variable', [str(value.variable)]);
    }
    this.helpers.add('constant');
    if ('option' in value) return call('constant', [binary('??', [`options.${value.option}`, "''"])]);
    return call('constant', [str(value.literal)]);
  }

  auth(auth: AuthPlan): Doc | undefined {
    const { build } = auth;
    const module = './runtime/auth.js';
    let expression: Doc;
    switch (build.kind) {
      case 'bearer':
        expression = call(this.use(module, 'bearerAuth'), [
          this.credential(build.token),
          ...(build.prefix !== undefined ? [str(build.prefix)] : []),
        ]);
        break;
      case 'basic':
        expression = call(this.use(module, 'basicAuth'), [
          this.credential(build.username),
          this.credential(build.password),
        ]);
        break;
      case 'apikey':
        expression = call(this.use(module, 'apiKeyAuth'), [
          str(build.name),
          this.credential(build.value),
          str(build.in),
        ]);
        break;
      case 'none':
        return undefined;
    }
    return concat(assignment(`auths[${str(auth.key)}]`, ' =', expression), ';');
  }

  errorTypes(): Doc[] {
    const { plan } = this;
    const labels = union([...plan.errorLabels.map(stringType), intersection([typeRef('string'), typeText('{}')])]);
    return [
      documented(
        'Error labels the API documents; other labels still come through as strings.',
        typeAlias(plan.labelType, labels),
      ),
      documented(
        'An error answer of the API: `status`, `label`, `errors` (`{label, message}[]`), method and path.',
        concat(
          `export class ${plan.errorName} extends ${this.use('./runtime/errors.js', 'ApiError')}<${plan.labelType}> {`,
          indent(hardline, breakAfterOperator('override readonly name: string', ' =', str(plan.errorName)), ';'),
          hardline,
          '}',
        ),
      ),
    ];
  }

  optionsInterface(): Doc {
    const { plan } = this;
    const collection: Member[] = plan.options.map((option: ClientOption) => ({
      name: option.name,
      optional: !option.required,
      type: typeRef('string'),
      doc: option.doc,
    }));
    const baseUrlDoc = plan.baseUrlRequired
      ? 'Required: the collection leaves it to an environment.'
      : `Defaults to \`${plan.baseUrl.replace(/[`*\\]/g, '')}\`.`;
    const options = plan.pages ? RUNTIME_OPTIONS : RUNTIME_OPTIONS.filter(([name]) => name !== 'maxPages');
    const runtime: Member[] = options.map(([name, type, doc]) => ({
      name,
      optional: true,
      type: typeText(
        type
          .replace('RetryPolicy', this.use('./runtime/retry.js', 'RetryPolicy', true))
          .replace(/^Hooks$/, () => this.use('./runtime/core.js', 'Hooks', true)),
      ),
      doc,
    }));
    return interfaceDecl(plan.optionsType, [
      ...collection,
      {
        name: 'baseUrl',
        optional: !plan.baseUrlRequired,
        type: typeRef('string'),
        doc: `The API's base URL. ${baseUrlDoc}`,
      },
      ...runtime,
    ]);
  }

  /** `options.baseUrl`, else the collection's default, else (`{{host}}/api`) the variables that compose it. */
  baseUrlExpression(): Doc[] {
    const { plan, input } = this;
    const composed = /\{\{/.test(input.rawBaseUrl) && plan.baseVariable === undefined;
    if (plan.baseUrlRequired && !composed) return ['options.baseUrl'];
    const fallback = plan.baseUrlRequired ? "''" : str(plan.baseUrl);
    if (!composed) return ['options.baseUrl', fallback];
    const fill = this.use('./runtime/core.js', 'fillVariables');
    return ['options.baseUrl', call(fill, [str(input.rawBaseUrl), 'variables']), fallback];
  }

  tokenStatements(): Doc[] {
    const { plan, input } = this;
    const token = plan.token;
    if (!token) return [];
    const fill = this.use('./runtime/core.js', 'fillVariables');
    const tokenAuth = this.use('./runtime/auth.js', 'TokenAuth');
    const bearer = this.use('./runtime/auth.js', 'bearerAuth');
    const settings = {
      tokenField: token.tokenField,
      typeField: token.typeField ?? 'token_type',
      labels: token.labels,
      statuses: token.statuses,
    };
    return [
      concat(assignment('const tokenFields: Array<[field: string, text: string]>', ' =', literal(token.body)), ';'),
      concat(assignment('const token', ' =', literal(settings)), ';'),
      concat(breakAfterOperator('const tokenSpec', ' =', `$operations.${token.specName}`), ';'),
      verbatim(`const tokenAuth = new ${tokenAuth}(
  async () => {
    const body = Object.fromEntries(
      tokenFields.map(([field, text]) => [field, ${fill}(text, variables) ?? '']),
    );
    const { data } = await core.call<Record<string, unknown> | undefined>(tokenSpec, { body });
    const accessToken = data?.[token.tokenField];
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new TypeError('the token answer has no ' + token.tokenField + ' field');
    }
    return { tokenType: String(data?.[token.typeField] ?? 'Bearer'), accessToken };
  },
  (error) => token.statuses.includes(error.status) && token.labels.some((label) => error.hasLabel(label)),
);
// A token given in the options is used as it is; otherwise one is fetched on first need.`),
      concat(breakAfterOperator('const givenToken', ' =', `variables[${str(input.staticTokenVariable)}]`), ';'),
      `auths.default = givenToken ? ${bearer}(givenToken) : tokenAuth;`,
    ];
  }

  createCore(): Doc {
    const { plan } = this;
    const clientCore = this.use('./runtime/core.js', 'ClientCore');
    const clientAuth = this.use('./runtime/auth.js', 'ClientAuth', true);
    const hasRequired = plan.baseUrlRequired || plan.options.some((option) => option.required);
    const base = this.baseUrlExpression();
    const entries: Doc[] = [];
    if (plan.baseVariable !== undefined) entries.push(literalPair(plan.baseVariable, binary('??', base)));
    for (const option of plan.options) {
      if (!option.variable) continue;
      const value =
        option.defaultValue !== undefined
          ? binary('??', [`options.${option.name}`, str(option.defaultValue)])
          : `options.${option.name}`;
      entries.push(literalPair(option.variable, value));
    }
    const auths = plan.auths
      // With a token exchange, the collection's own auth is the token's: it is set below, not here.
      .filter((auth) => !(plan.token && auth.key === 'default'))
      .map((auth) => this.auth(auth))
      .filter((statement): statement is Doc => statement !== undefined);
    const token = this.tokenStatements();
    const coreProperties: Doc[] = [
      property('baseUrl', binary('??', base, { inAssignment: true }), base.length > 1 ? 'binary' : 'other'),
      'variables',
      'auths',
      property('errorClass', plan.errorName),
      ...(plan.signer
        ? [
            property(
              'signer',
              call(this.use('./runtime/signing.js', 'hashSigner'), [
                signingScheme(plan.signer.scheme),
                'variables',
                'options.now',
              ]),
            ),
          ]
        : []),
      ...(plan.readsCsv ? [property('readCsv', this.use('./runtime/csv.js', 'readCsvRows'))] : []),
      verbatim(`...(options.fetch ? { fetch: options.fetch } : {}),
...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
...(options.maxRedirects !== undefined ? { maxRedirects: options.maxRedirects } : {}),
${plan.pages ? '...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),\n' : ''}retry: { ...options.retry, ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}) },
...(options.hooks ? { hooks: options.hooks } : {}),
...(options.headers ? { headers: options.headers } : {})`),
    ];
    const statements: Doc[] = [
      concat(
        assignment(
          'const variables: Record<string, string | undefined>',
          ' =',
          call('Object.fromEntries<string | undefined>', [array(entries, { concise: true })], { hugLast: true }),
        ),
        ';',
      ),
      `const auths: Record<string, ${clientAuth}> = {};`,
      ...[...this.helpers].sort().map((helper) => CREDENTIAL_HELPERS[helper]),
      ...auths,
      ...token,
      concat(
        assignment(
          `const core: ${clientCore}`,
          ' =',
          call(`new ${clientCore}`, [object(coreProperties, { broken: true })], { hugLast: true }),
        ),
        ';',
      ),
      'return core;',
    ];
    return documented(
      'The shared core that every operation function takes: create it once and pass it along.',
      concat(
        signature(
          `export function ${plan.coreFactory}`,
          [`options: ${plan.optionsType}${hasRequired ? '' : ' = {}'}`],
          clientCore,
        ),
        block(statements),
      ),
    );
  }

  /**
   * A resource member: the flat function with this client's core bound, so its parameters, result
   * and docs are written once (in operations.ts and here) and the class needs no type imports.
   */
  member(operation: OperationPlan): Doc {
    const bindCore = this.use('./runtime/core.js', 'bindCore');
    return documented(
      operation.doc,
      concat(
        assignment(
          `readonly ${operation.identifier}`,
          ' =',
          call(bindCore, ['this.core', `$operations.${operation.functionName}`]),
        ),
        ';',
      ),
    );
  }

  /** A resource class (or the client itself): sub-resources as fields, then the constructor, then the methods. */
  resourceClass(resource: ResourcePlan, doc: string, constructor?: Doc): Doc {
    const base = this.use('./runtime/core.js', 'ApiResource');
    const fields = resource.resources.map((child) =>
      documented(
        child.doc,
        concat(assignment(`readonly ${child.identifier}`, ' =', call(`new ${child.className}`, ['this.core'])), ';'),
      ),
    );
    // Members with one-line docs sit together; a longer doc block is set apart by blank lines.
    const oneLine = resource.operations.map((operation) => isOneLineDoc(operation.doc));
    const members = resource.operations.map((operation, index) => {
      const member = this.member(operation);
      if (index === 0) return member;
      const apart = !oneLine[index - 1] || !oneLine[index];
      return concat(apart ? concat(hardline, hardline) : hardline, member);
    });
    const sections: Doc[] = [
      ...(fields.length > 0 ? [join(hardline, fields)] : []),
      ...(constructor ? [constructor] : []),
      ...(members.length > 0 ? [concat(...members)] : []),
    ];
    const head = `export class ${resource.className} extends ${base} {`;
    return documented(
      doc,
      sections.length === 0
        ? `${head}}`
        : concat(head, indent(hardline, join(concat(hardline, hardline), sections)), hardline, '}'),
    );
  }

  /** The file's statements after its imports, each built as the printer asks for it. */
  *statements(): Generator<Doc> {
    const { plan } = this;
    const hasRequired = plan.baseUrlRequired || plan.options.some((option) => option.required);
    yield* this.errorTypes();
    yield this.optionsInterface();
    yield this.createCore();
    for (const resource of flatten(plan.root.resources)) yield this.resourceClass(resource, resource.doc);
    yield this.resourceClass(
      { ...plan.root, className: plan.className },
      plan.doc,
      concat(
        'constructor',
        parameters([`options: ${plan.optionsType}${hasRequired ? '' : ' = {}'}`]),
        ' ',
        block([concat(call('super', [call(plan.coreFactory, ['options'])]), ';')]),
      ),
    );
  }

  write(): string {
    const { header } = this.input;
    // Printed before the imports, which list what the statements used.
    const statements = printFile(this.statements());
    const imports: Doc[] = [header];
    for (const module of RUNTIME_MODULES) {
      const names = this.runtime.get(module);
      if (!names) continue;
      // All types: `import type { … }`; some values: `import { value, type Type }`.
      const typeOnly = [...names].every((name) => name.startsWith('type '));
      const specifiers = [...names]
        .sort(byName)
        .map((name) =>
          name.startsWith('type ') ? this.scope.specifier(name.slice(5), !typeOnly) : this.scope.specifier(name),
        );
      imports.push(importDecl(specifiers, module, { typeOnly }));
    }
    imports.push("import * as $operations from './operations.js';");
    return `${print(lines(imports))}\n\n${statements}`;
  }
}

const RUNTIME_MODULES = [
  './runtime/core.js',
  './runtime/errors.js',
  './runtime/auth.js',
  './runtime/signing.js',
  './runtime/csv.js',
  './runtime/retry.js',
  './runtime/pagination.js',
];

function byName(a: string, b: string): number {
  const key = (name: string) => name.replace(/^type /, '');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** `['variable', value]`, one entry of the client's variables. */
function literalPair(variable: string, value: Doc): Doc {
  return array([str(variable), value]);
}

/** The signing scheme, one property a line, as a reader compares it with the API's documentation. */
function signingScheme(scheme: unknown): Doc {
  return object(
    Object.entries(scheme as Record<string, unknown>).map(([name, value]) => prop(name, value)),
    { broken: true },
  );
}

export function emitClientFile(input: ClientFileInput): string {
  return new ClientWriter(input).write();
}
