/**
 * Synthetic Postman collections of any size, for benchmarks and load tests: folders of CRUD
 * requests with path variables, query parameters, JSON bodies and saved examples, the way large
 * vendor collections look.
 */
export function syntheticCollection(requests: number, perFolder = 20, exampleBytes = 0): Record<string, unknown> {
  // Saved examples padded to about `exampleBytes` each with list rows, as real exports of big APIs have.
  const rows = Math.ceil(exampleBytes / 80);
  const folders: Array<Record<string, unknown>> = [];
  for (let start = 0; start < requests; start += perFolder) {
    const f = folders.length;
    const item: Array<Record<string, unknown>> = [];
    for (let n = start; n < Math.min(requests, start + perFolder); n++) {
      const verb = ['List', 'Get', 'Create', 'Update', 'Delete'][n % 5] as string;
      const method = { List: 'GET', Get: 'GET', Create: 'POST', Update: 'PATCH', Delete: 'DELETE' }[verb];
      const single = verb !== 'List' && verb !== 'Create';
      const path = ['v1', `resource${f}`, ...(single ? [':itemId'] : []), ...(n % 7 === 0 ? ['sub', `part${n}`] : [])];
      const body =
        verb === 'Create' || verb === 'Update'
          ? {
              mode: 'raw',
              raw: JSON.stringify({
                name: `thing ${n}`,
                size: n,
                tags: ['a', 'b'],
                meta: { created: '2024-01-02T03:04:05Z' },
              }),
              options: { raw: { language: 'json' } },
            }
          : undefined;
      const response = [0, 1].map((k) => ({
        id: `r-${n}-${k}`,
        name: `Example ${k}`,
        code: 200,
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify(
          verb === 'List'
            ? {
                items: [
                  { id: n * 10 + k, name: `item ${k}`, active: k === 0, score: k + 0.5 },
                  ...Array.from({ length: rows }, (_, r) => ({
                    id: r,
                    name: `row ${r} of ${n}`,
                    active: r % 2 === 0,
                    score: r / 7,
                  })),
                ],
                total: 1 + k + rows,
              }
            : {
                id: n,
                name: `thing ${n}`,
                updatedAt: '2024-01-02T03:04:05Z',
                owner: k ? null : { id: 'u1', email: 'a@b.co' },
                ...(rows > 0
                  ? {
                      history: Array.from({ length: rows }, (_, r) => ({
                        at: '2024-01-02T03:04:05Z',
                        by: `user ${r}`,
                        change: r,
                      })),
                    }
                  : {}),
              },
        ),
      }));
      item.push({
        id: `req-${n}`,
        name: `${verb} thing ${n}`,
        request: {
          method,
          header: [{ key: 'Accept', value: 'application/json' }],
          url: {
            raw: `{{baseUrl}}/${path.join('/')}?page=1&limit=50`,
            host: ['{{baseUrl}}'],
            path,
            query: [
              { key: 'page', value: '1' },
              { key: 'limit', value: '50' },
              { key: 'debug', value: 'true', disabled: true },
            ],
            ...(single ? { variable: [{ key: 'itemId', value: '42' }] } : {}),
          },
          ...(body ? { body } : {}),
          description: `Operation number ${n}.`,
        },
        response,
      });
    }
    folders.push({ id: `folder-${f}`, name: `Resource ${f}`, item });
  }
  return {
    info: {
      _postman_id: 'synthetic',
      name: `Synthetic ${requests}`,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
    item: folders,
  };
}
