import type { ClientPlan, OperationPlan, ResourcePlan } from './plan.js';
import { FileScope } from './scope.js';
import {
  assignment,
  block,
  call,
  concat,
  documented,
  importDecl,
  lines,
  literal,
  parameters,
  printFile,
} from './code/ts.js';
import { hardline, type Doc } from './code/doc.js';

/** The resource class and member of every operation, for the flat functions' `{@link}`. */
export function memberPaths(root: ResourcePlan): Map<OperationPlan, string> {
  const paths = new Map<OperationPlan, string>();
  const visit = (resource: ResourcePlan): void => {
    for (const operation of resource.operations) paths.set(operation, `${resource.className}.${operation.identifier}`);
    resource.resources.forEach(visit);
  };
  visit(root);
  return paths;
}

/**
 * operations.ts: one spec (plain data) and one flat function per operation. Full docs live on the
 * client's methods, which users hover most; each function has a one-line summary and a link there.
 */
export function emitOperationsFile(plan: ClientPlan, header: string): string {
  const scope = new FileScope(plan.operations.flatMap((operation) => [operation.functionName, operation.specName]));
  const typeNames = [...new Set(plan.operations.flatMap((operation) => [operation.paramsType, operation.resultName]))];
  for (const name of typeNames) scope.local(name);
  const runtime = ['ClientCore', 'OperationSpec', 'RequestOptions'];
  const imports: Doc[] = [
    header,
    importDecl(
      runtime.map((name) => scope.specifier(name)),
      './runtime/core.js',
      { typeOnly: true },
    ),
    ...(plan.pages ? [importDecl([scope.specifier('paged')], './runtime/pagination.js')] : []),
    ...(typeNames.length > 0
      ? [
          importDecl(
            typeNames.sort().map((name) => scope.specifier(name)),
            './types.js',
            { typeOnly: true },
          ),
        ]
      : []),
  ];
  const links = memberPaths(plan.root);
  const core = scope.local('ClientCore');
  const requestOptions = scope.local('RequestOptions');
  function* statements(): Generator<Doc> {
    yield lines(imports);
    yield lines([
      '// One spec (plain data) and one function per operation. Each function takes a client core',
      `// (see ${plan.coreFactory}), so a bundler keeps only the operations an application calls.`,
    ]);
    for (const operation of plan.operations) yield operationStatement(operation);
  }
  function operationStatement(operation: OperationPlan): Doc {
    const result = scope.local(operation.resultName);
    const spec = concat(
      assignment(`export const ${operation.specName}: ${scope.local('OperationSpec')}`, ' =', literal(operation.spec)),
      ';',
    );
    const args = [operation.specName, 'params', 'options'];
    // The result type is the call's type argument, not a return annotation: the head then fits on
    // one line for most operations, and hovers show the same `Promise<Result>`.
    const body = operation.paged
      ? concat('return ', call(`${scope.local('paged')}<${result}>`, ['core', ...args]), ';')
      : concat('return ', call(`core.request<${result}>`, args), ';');
    // The spec and its function stay together, without a blank line between them.
    return concat(
      spec,
      hardline,
      documented(
        `${operation.summary} The flat form of {@link ${links.get(operation) ?? operation.identifier}}.`,
        concat(
          `export function ${operation.functionName}`,
          parameters([
            `core: ${core}`,
            `params${operation.paramsOptional ? '?' : ''}: ${scope.local(operation.paramsType)}`,
            `options?: ${requestOptions}`,
          ]),
          ' ',
          block([body]),
        ),
      ),
    );
  }
  return printFile(statements());
}
