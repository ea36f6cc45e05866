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
