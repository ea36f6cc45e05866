import type { ClientPlan, TypeDeclaration } from './plan.js';
import { FILE_PART } from './plan.js';
import { documented, importDecl, interfaceDecl, lines, printFile, typeAlias } from './code/ts.js';
import type { Doc } from './code/doc.js';

function declaration(type: TypeDeclaration): Doc {
  return documented(
    type.doc,
    type.kind === 'interface'
      ? interfaceDecl(type.name, type.properties ?? [])
      : typeAlias(type.name, type.type ?? { doc: 'unknown', text: 'unknown', kind: 'simple' }),
  );
}

/** types.ts: the shared entities, then every operation's Params, Body, Response and Item types. */
export function emitTypesFile(plan: ClientPlan, header: string): string {
  // The import only when a request type takes a file: strict configurations reject unused imports.
  const head = plan.usesFilePart
    ? lines([header, importDecl([`FilePart as ${FILE_PART}`], './runtime/core.js', { typeOnly: true })])
    : lines([header, 'export {};']);
  // An operation's own types stay together, without blank lines between them; operations and
  // entities are set apart by one.
  function* statements(): Generator<Doc> {
    yield head;
    for (const entity of plan.entities) yield declaration(entity);
    for (const operation of plan.operations)
      if (operation.types.length > 0) yield lines(operation.types.map(declaration));
  }
  return printFile(statements());
}
