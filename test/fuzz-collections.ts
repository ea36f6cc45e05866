/**
 * Collections of every shape, malformed ones included, for the fuzz tests: what a careless
 * export, a hand edit or a hostile file can hold.
 */
import fc from 'fast-check';

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: junk });
const url = maybe(
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.record(
      {
        raw: maybe(fc.string()),
        host: maybe(fc.array(fc.string({ maxLength: 5 }))),
        path: maybe(fc.array(maybe(fc.string({ maxLength: 5 })))),
        query: maybe(
          fc.array(
            maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()), disabled: maybe(fc.boolean()) })),
          ),
        ),
        variable: maybe(fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) })))),
      },
      { requiredKeys: [] },
    ),
  ),
);
const body = maybe(
  fc.record(
    {
      mode: maybe(fc.constantFrom('raw', 'urlencoded', 'formdata', 'file', 'graphql', 'weird')),
      raw: maybe(fc.string()),
      urlencoded: maybe(
        fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()), type: maybe(fc.string()) }))),
      ),
      formdata: maybe(
        fc.array(
          maybe(
            fc.record({
              key: maybe(fc.string()),
              value: maybe(fc.string()),
              type: maybe(fc.constantFrom('file', 'text')),
              src: maybe(fc.string()),
            }),
          ),
        ),
      ),
      graphql: maybe(fc.record({ query: maybe(fc.string()), variables: maybe(fc.string()) })),
      options: maybe(fc.record({ raw: maybe(fc.record({ language: maybe(fc.string()) })) })),
    },
    { requiredKeys: [] },
  ),
);
const auth = maybe(
  fc.record(
    {
      type: maybe(fc.constantFrom('bearer', 'basic', 'apikey', 'noauth', 'oauth2', 'inherit', 'awsv4', 'zzz')),
      bearer: maybe(fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) })))),
      apikey: maybe(fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) })))),
    },
    { requiredKeys: [] },
  ),
);
const response = maybe(
  fc.record(
    {
      name: maybe(fc.string()),
      code: maybe(fc.integer({ min: -1, max: 999 })),
      header: maybe(fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) })))),
      body: maybe(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
      ),
      originalRequest: maybe(fc.record({ method: maybe(fc.string()), url, body }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
);
const request = maybe(
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.record(
      {
        method: maybe(fc.string({ maxLength: 8 })),
        url,
        header: maybe(
          fc.oneof(
            fc.string(),
            fc.array(
              maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()), disabled: maybe(fc.boolean()) })),
            ),
          ),
        ),
        body,
        auth,
        description: maybe(fc.string()),
      },
      { requiredKeys: [] },
    ),
  ),
);
const item: fc.Arbitrary<unknown> = fc.letrec<{ item: unknown }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small' },
    fc.record(
      {
        name: maybe(fc.string({ maxLength: 10 })),
        id: maybe(fc.string({ maxLength: 5 })),
        request,
        response: maybe(fc.array(response, { maxLength: 3 })),
        event: maybe(
          fc.array(
            maybe(
              fc.record({
                listen: maybe(fc.constantFrom('prerequest', 'test')),
                script: maybe(fc.record({ exec: maybe(fc.array(fc.string())) })),
              }),
            ),
          ),
        ),
        variable: maybe(fc.array(maybe(fc.record({ key: maybe(fc.string()), value: maybe(fc.string()) })))),
      },
      { requiredKeys: [] },
    ),
    fc.record(
      {
        name: maybe(fc.string({ maxLength: 10 })),
        item: maybe(fc.array(tie('item'), { maxLength: 4 })),
        auth,
        description: maybe(fc.string()),
      },
      { requiredKeys: [] },
    ),
  ),
})).item;
export const collection = fc.record(
  {
    info: fc.record(
      {
        name: maybe(fc.string()),
        schema: fc.constantFrom(
          'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
          'https://schema.getpostman.com/json/collection/v2.0.0/collection.json',
          'x',
        ),
      },
      { requiredKeys: ['schema'] },
    ),
    item: maybe(fc.array(item, { maxLength: 5 })),
    auth,
    variable: maybe(
      fc.array(
        maybe(
          fc.record({
            key: maybe(fc.string()),
            value: maybe(fc.oneof(fc.string(), fc.integer(), fc.boolean())),
            type: maybe(fc.string()),
          }),
        ),
      ),
    ),
    event: maybe(fc.array(junk)),
  },
  { requiredKeys: [] },
);
