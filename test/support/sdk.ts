// The SDK ships its types outside its package entry; this reference is the only way to reach them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
/**
 * Postman's SDK, the reference reading of collections that test/load-records.test.ts holds the
 * loader to. The SDK is CommonJS; Node's ESM loader cannot see its named exports,
 * so its classes are taken from the default export here, once, with the SDK's own types.
 */
import sdk from 'postman-collection';

export const { Collection, ItemGroup, Url } = sdk;
export type {
  Collection as CollectionType,
  Item,
  ItemGroup as ItemGroupType,
  Request,
  RequestAuth,
  RequestBody,
  Response,
} from 'postman-collection';
export type Url = InstanceType<typeof Url>;
