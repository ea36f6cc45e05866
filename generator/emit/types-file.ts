import {
  IndentationText,
  Project,
  QuoteKind,
  StructureKind,
  type InterfaceDeclarationStructure,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { OperationPlan, TypeDeclaration } from './plan.js';
import { docLines, propertyKey } from './escape.js';

/** types.ts: the shared entities, then every operation's Params, Body, Response and Item types, built with ts-morph. */
export function emitTypesFile(operations: OperationPlan[], header: string, shared: TypeDeclaration[] = []): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const usesFiles = operations.some((operation) =>
    operation.types.some(
      (declaration) =>
        (declaration.type ?? '').includes('$FilePart') ||
        (declaration.properties ?? []).some((property) => property.type.includes('$FilePart')),
    ),
  );
  // The import only when a request type takes a file: strict configurations reject unused imports.
  const imports = usesFiles ? "import type { FilePart as $FilePart } from './runtime/core.js';\n" : 'export {};\n';
  const file = project.createSourceFile('types.ts', `${header}\n${imports}`);
  const docs = (text: string | undefined) => (text && text.trim() !== '' ? [docLines(text).join('\n')] : []);
  const statements: Array<InterfaceDeclarationStructure | TypeAliasDeclarationStructure> = [];
  for (const declarations of [shared, ...operations.map((operation) => operation.types)]) {
    for (const declaration of declarations) {
      if (declaration.kind === 'interface') {
        statements.push({
          kind: StructureKind.Interface,
          name: declaration.name,
          isExported: true,
          docs: docs(declaration.doc),
          properties: (declaration.properties ?? []).map((property) => ({
            name: propertyKey(property.key),
            hasQuestionToken: property.optional,
            type: property.type,
            docs: docs(property.doc),
          })),
        });
      } else {
        statements.push({
          kind: StructureKind.TypeAlias,
          name: declaration.name,
          isExported: true,
          docs: docs(declaration.doc),
          type: declaration.type ?? 'unknown',
        });
      }
    }
  }
  // One insertion: ts-morph re-parses the file after each change, so adding one by one is quadratic.
  file.addStatements(statements);
  return file.getFullText();
}
