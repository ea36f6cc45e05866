// The SDK ships its types outside its package entry; this reference is the only way to reach them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../node_modules/postman-collection/types/index.d.ts" />

declare module 'postman-collection-transformer' {
  interface ConvertOptions {
    inputVersion: string;
    outputVersion: string;
    retainIds?: boolean;
  }
  const transformer: {
    convert(
      collection: unknown,
      options: ConvertOptions,
      callback: (error: unknown, result: Record<string, unknown>) => void,
    ): void;
  };
  export default transformer;
}
