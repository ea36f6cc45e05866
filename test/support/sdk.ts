/**
 * The postman-collection SDK is CommonJS; Node's ESM loader cannot see its named exports,
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
