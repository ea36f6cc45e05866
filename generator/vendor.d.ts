/// <reference path="../node_modules/postman-collection/types/index.d.ts" />

declare module 'postman-collection-transformer' {
  interface ConvertOptions {
    inputVersion: string;
    outputVersion: string;
    retainIds?: boolean;
  }
  const transformer: {
    convert(collection: unknown, options: ConvertOptions, callback: (error: unknown, result: any) => void): void;
  };
  export default transformer;
}
