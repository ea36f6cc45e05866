/**
 * Random Postman collections full of hostile text (code-breaking payloads, reserved words,
 * wide characters, quotes of every kind), for the property tests of the generated client.
 */
import fc from 'fast-check';
import { V21 } from './helpers.js';

export const CANARY = '__pwned';
const PAYLOADS = [
  `*/ globalThis.${CANARY} = 1; /*`,
  `\${globalThis.${CANARY} = 1}`,
  `'; globalThis.${CANARY} = 1; '`,
  `"; globalThis.${CANARY} = 1; "`,
  `\`; globalThis.${CANARY} = 1; \``,
  `\u2028globalThis.${CANARY} = 1`,
  `\n// */ globalThis.${CANARY} = 1`,
  `</script><script>${CANARY}()</script>`,
  `\\'); ${CANARY}(); //`,
];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'delete',
      'constructor',
      '__proto__',
      'then',
      'class',
      'default',
      '2fa',
      '🚀 go',
      '获取',
      'Имя',
      'List items',
      'Items',
      'toString',
      'core',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }) },
);

const example = fc.record({
  name: text,
  code: fc.constantFrom(200, 201, 404),
  header: fc.constant([{ key: 'Content-Type', value: 'application/json' }]),
  body: fc
    .dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 })
    .map((body) => JSON.stringify(body)),
});
const request = fc.record({
  name: text,
  request: fc.record({
    method: fc.constantFrom('GET', 'POST', 'DELETE', 'PURGE'),
    description: text,
    header: fc.array(fc.record({ key: text, value: fc.oneof(text, fc.constant('{{token}}')) }), { maxLength: 2 }),
    url: fc.record({
      raw: fc.constant(''),
      host: fc.constant(['{{baseUrl}}']),
      path: fc.array(
        fc.oneof(
          text,
          text.map((t) => `:${t}`),
        ),
        { maxLength: 3 },
      ),
      query: fc.array(fc.record({ key: text, value: fc.oneof(text, fc.constant('1')), description: text }), {
        maxLength: 2,
      }),
    }),
    body: fc.option(
      fc
        .dictionary(text, fc.oneof(text, fc.integer()), { maxKeys: 3 })
        .map((body) => ({ mode: 'raw', raw: JSON.stringify(body), options: { raw: { language: 'json' } } })),
      { nil: undefined },
    ),
  }),
  response: fc.array(example, { maxLength: 3 }),
});
const folder = fc.record({ name: text, description: text, item: fc.array(request, { minLength: 0, maxLength: 3 }) });
export const collection = fc.record({
  info: fc.record({ name: text, description: text, schema: fc.constant(V21) }),
  variable: fc.array(fc.record({ key: text, value: text }), { maxLength: 3 }),
  auth: fc.constantFrom(
    undefined,
    { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
    {
      type: 'apikey',
      apikey: [
        { key: 'key', value: PAYLOADS[2] },
        { key: 'value', value: '{{key}}' },
      ],
    },
  ),
  item: fc.array(fc.oneof(request, folder), { minLength: 1, maxLength: 4 }),
});
