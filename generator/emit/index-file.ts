import type { ClientPlan } from './plan.js';
import { importDecl, lines, printFile } from './code/ts.js';
import type { Doc } from './code/doc.js';

/** index.ts: everything the client exports, in one import; the pagination types only when something pages. */
export function emitIndexFile(plan: ClientPlan, header: string): string {
  const reexport = (names: string[], from: string): Doc => importDecl(names, from, { keyword: 'export' });
  return printFile([
    lines([
      header,
      "export * from './client.js';",
      "export * from './operations.js';",
      "export type * from './types.js';",
      reexport(
        [
          'ApiError',
          'ConnectionError',
          'InvalidResponseError',
          'PaginationError',
          'RedirectError',
          'ResponseTooLargeError',
          'TimeoutError',
          'UsageError',
          'type ApiErrorEntry',
        ],
        './runtime/errors.js',
      ),
      reexport(['type FilePart', 'type Hooks', 'type PreparedRequest', 'type RequestOptions'], './runtime/core.js'),
      ...(plan.pages ? [reexport(['PagedCall', 'type Page', 'type PageLinks'], './runtime/pagination.js')] : []),
    ]),
  ]);
}
