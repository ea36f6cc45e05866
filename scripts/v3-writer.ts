/**
 * Writes a v2.1 collection object as a Postman Native Git folder (format v3), in memory, the way
 * Postman lays one out: `<stem>.request.yaml` per request, `.resources/definition.yaml` per folder,
 * examples in `.resources/<stem>.resources/examples/`. For benchmarks and tests of the v3 reader:
 * it is written from the format's description, not from the reader.
 */
import { stringify } from 'yaml';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Headers of a v2.1 request: a list, or the legacy "Name: value" lines. */
function headerList(value: unknown): Json[] {
  if (typeof value !== 'string') return list(value);
  return value
    .split('\n')
    .map((line) => /^([^:]+):\s*(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ key: match[1], value: match[2] }));
}

/** A file stem for a name: the characters a file name cannot hold become "-", and no leading dot. */
function stemFor(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
      .replace(/^\./, '-')
      .trim() || 'Untitled';
  let stem = base;
  for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base} (${n})`;
  taken.add(stem.toLowerCase());
  return stem;
}

function rawUrl(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!isObject(url)) return '';
  if (typeof url.raw === 'string' && url.raw !== '') return url.raw;
  const host = Array.isArray(url.host) ? url.host.join('.') : String(url.host ?? '');
  const path = Array.isArray(url.path) ? url.path.join('/') : String(url.path ?? '');
  const query = list(url.query)
    .filter((q) => q.disabled !== true)
    .map((q) => (q.value === null || q.value === undefined ? String(q.key) : `${String(q.key)}=${String(q.value)}`));
  return `${host}${path ? `/${path}` : ''}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** `[{key, value, description?, disabled?}]` entries, as v3 lists them. */
function entries(items: Json[]): Json[] {
  return items.map((item) => ({
    key: String(item.key ?? ''),
    value: item.value ?? null,
    ...(typeof item.description === 'string' && item.description !== '' ? { description: item.description } : {}),
    ...(item.disabled === true ? { disabled: true } : {}),
  }));
}

function body(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  switch (value.mode) {
    case 'raw': {
      const options = isObject(value.options) && isObject(value.options.raw) ? value.options.raw : {};
      const language = typeof options.language === 'string' ? options.language : 'text';
      return {
        type: ['json', 'xml', 'html', 'javascript'].includes(language) ? language : 'text',
        content: String(value.raw ?? ''),
      };
    }
    case 'urlencoded':
      return { type: 'urlencoded', content: entries(list(value.urlencoded)) };
    case 'formdata':
      return {
        type: 'formdata',
        content: list(value.formdata).map((field) =>
          field.type === 'file'
            ? {
                key: String(field.key ?? ''),
                type: 'file',
                src: field.src ?? null,
                ...(field.disabled === true ? { disabled: true } : {}),
              }
            : { ...entries([field])[0], type: 'text' },
        ),
      };
    case 'file':
      return { type: 'file', content: { src: isObject(value.file) ? (value.file.src ?? null) : null } };
    case 'graphql':
      return { type: 'graphql', content: isObject(value.graphql) ? value.graphql : {} };
    default:
      return undefined;
  }
}

function auth(value: unknown): Json | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  if (value.type === 'noauth') return { type: 'noauth' };
  const credentials = Object.fromEntries(
    list(value[value.type]).map((entry) => [String(entry.key), entry.value ?? null]),
  );
  return { type: value.type, credentials };
}

function scripts(events: unknown, prefix: string): Json[] {
  return list(events).flatMap((event) => {
    const type =
      event.listen === 'prerequest' ? 'beforeRequest' : event.listen === 'test' ? 'afterResponse' : undefined;
    const script = isObject(event.script) ? event.script : {};
    const code = Array.isArray(script.exec) ? script.exec.join('\n') : String(script.exec ?? '');
    return type ? [{ type: `${prefix}${type}`, code, language: 'text/javascript' }] : [];
  });
}

const description = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : isObject(value) && typeof value.content === 'string'
      ? value.content
      : undefined;

/** The keys of an object without the undefined or empty ones, for tidy files. */
function compact(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

const idOf = (holder: Json): string | undefined =>
  typeof holder.id === 'string' && holder.id !== '' ? holder.id : undefined;

function definition(holder: Json, name: string | undefined, order: number | undefined): string {
  return stringify(
    compact({
      $kind: 'collection',
      id: idOf(holder),
      name,
      description: description(holder.description),
      order,
      variables: list(holder.variable).map((variable) => ({
        ...entries([variable])[0],
        ...(variable.type === 'secret' ? { secret: true } : {}),
      })),
      auth: auth(holder.auth),
      scripts: scripts(holder.event, 'http:'),
    }),
  );
}

/** The files of the v3 folder for a v2.1 collection, by relative path. */
export function writeV3(input: Json): Map<string, string> {
  // Postman's API wraps a collection in {"collection": …}.
  const collection = isObject(input.collection) && !('item' in input) ? input.collection : input;
  const files = new Map<string, string>();
  const info = isObject(collection.info) ? collection.info : {};
  files.set(
    '.resources/definition.yaml',
    definition(
      { ...collection, id: info._postman_id, description: info.description },
      String(info.name ?? 'API'),
      undefined,
    ),
  );
  const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

  const walk = (items: unknown, dir: string): void => {
    const taken = new Set<string>(['.resources']);
    list(items).forEach((item, index) => {
      const name = String(item.name ?? '');
      const order = (index + 1) * 1000;
      const stem = stemFor(name, taken);
      if (Array.isArray(item.item)) {
        files.set(
          join(dir, `${stem}/.resources/definition.yaml`),
          definition(item, name === stem ? undefined : name, order),
        );
        walk(item.item, join(dir, stem));
        return;
      }
      // An item with no request has no v3 form (a request file is a request).
      if (item.request === undefined || item.request === null || item.request === '') return;
      const request =
        typeof item.request === 'string' ? { url: item.request } : isObject(item.request) ? item.request : {};
      const url = isObject(request.url) ? request.url : {};
      files.set(
        join(dir, `${stem}.request.yaml`),
        stringify(
          compact({
            $kind: 'http-request',
            id: idOf(item),
            name: name === stem ? undefined : name,
            description: description(request.description ?? item.description),
            url: rawUrl(request.url),
            method: typeof request.method === 'string' ? request.method : 'GET',
            headers: entries(headerList(request.header)),
            queryParams: entries(list(url.query)),
            pathVariables: entries(list(url.variable)),
            body: body(request.body),
            auth: auth(request.auth),
            scripts: scripts(item.event, ''),
            order,
          }),
        ),
      );
      const exampleStems = new Set<string>();
      list(item.response).forEach((response, n) => {
        const original = isObject(response.originalRequest) ? response.originalRequest : {};
        const language =
          typeof response._postman_previewlanguage === 'string' ? response._postman_previewlanguage : 'text';
        files.set(
          join(
            dir,
            `.resources/${stem}.resources/examples/${stemFor(String(response.name ?? `Example ${n + 1}`), exampleStems)}.example.yaml`,
          ),
          stringify(
            compact({
              $kind: 'http-example',
              name: typeof response.name === 'string' ? response.name : undefined,
              request: compact({
                url: rawUrl(original.url ?? request.url),
                method: String(original.method ?? request.method ?? 'GET'),
                headers: entries(headerList(original.header)),
                body: body(original.body),
              }),
              response: compact({
                statusCode: typeof response.code === 'number' ? response.code : undefined,
                statusText: typeof response.status === 'string' ? response.status : undefined,
                headers: entries(headerList(response.header)),
                body: {
                  type: ['json', 'xml', 'html', 'javascript'].includes(language) ? language : 'text',
                  content: String(response.body ?? ''),
                },
              }),
              order: (n + 1) * 1000,
            }),
          ),
        );
      });
    });
  };
  walk(collection.item, '');
  return files;
}
