/**
 * A local Accengage API on loopback, implementing the official rules: signature and time check,
 * access tokens that expire, the generic error table, paged listings with `Link` headers and
 * `links` fields (pages from 1, out-of-range pages empty), the `;` CSV devices list, multipart
 * uploads, over seeded data, with fault injection. For our tests, and for developing against
 * Accengage without the real service.
 *
 * Strict where the API is: every request is signed (unknown routes too), JSON routes need
 * `Content-Type: application/json` and well-formed JSON (else 400 API_ERR_FORMAT), `page` must be an
 * integer, path parameters are decoded once. Faults are either random (rates, for soak runs) or
 * scripted per request (`script()`), so that tests are deterministic.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { seededDevices, seededData, type SimDevice } from './data.js';
import { DEFAULT_LINKS, MalformedPage, linkHeader, pageOf, type LinkFaults, type PageOf } from './links.js';

export type { LinkFaults } from './links.js';

export interface SimulatorOptions {
  email?: string;
  apiKey?: string;
  /** Partner IDs the user manages; others answer 403 API_ERR_FORBIDDEN. */
  partnerIds?: string[];
  devices?: number;
  pageSize?: number;
  /** Accepted difference between Accengage-Time and the server clock, in seconds. */
  maxClockSkewSeconds?: number;
  /** A token stops working after this many milliseconds (default: never). */
  tokenTtlMs?: number;
  seed?: number;
  /** Server clock in milliseconds (tests move it). */
  now?: () => number;
  faults?: Partial<Faults>;
  port?: number;
}

export interface Faults {
  /** Share of requests answered 500 API_ERR_SERVICE (0..1), the token route included. */
  serverErrorRate: number;
  /** Share of requests whose connection is dropped without an answer. */
  dropRate: number;
  /** Share of requests answered only after `slowMs`. */
  slowRate: number;
  slowMs: number;
  /** Device-list pages (1-based) answered empty although more pages follow. */
  emptyDevicePages: number[];
  /** How paged answers carry their links. */
  links: LinkFaults;
}

/**
 * One scripted fault, used up by the next request that matches `route` (`GET /v1/me`, the route's
 * pattern as `byRoute` counts it, or `unknown`; any request when absent). A delay comes first; then
 * either an error answer, a connection dropped before the handler runs, or one dropped after it has
 * run (the work is done but the answer is lost); with none of those the request is served normally.
 */
export interface ScriptedFault {
  route?: string;
  delayMs?: number;
  /** Answer this status instead, with an `errors` body labelled `label`, and these headers. */
  status?: number;
  label?: string;
  headers?: Record<string, string>;
  drop?: 'before-handler' | 'after-handler';
}

/** One request as the simulator saw it. */
export interface LoggedRequest {
  route: string;
  /** performance.now() when the request had arrived in full. */
  at: number;
  /** performance.now() when it was answered (or dropped). */
  answeredAt: number;
  /** The status answered, or `dropped`. */
  outcome: number | 'dropped';
}

export interface SimulatorStats {
  requests: number;
  byRoute: Record<string, number>;
  tokensIssued: number;
  serverErrors: number;
  dropped: number;
  rejectedSignatures: number;
  /** The exact body bytes of the last signature check, as text. */
  lastBody: string;
  /** Every request in arrival order. */
  log: LoggedRequest[];
}

export interface Simulator {
  url: string;
  email: string;
  apiKey: string;
  partnerId: string;
  stats: SimulatorStats;
  faults: Faults;
  devices: SimDevice[];
  /** The simulator's other records (apps, static lists, messages…), for tests to inspect. */
  data: ReturnType<typeof seededData>;
  /** Queues faults for the next matching requests, in order. */
  script(...faults: ScriptedFault[]): void;
  /** Scripted faults not used yet. */
  pending(): ScriptedFault[];
  /** Makes every token issued so far expired (the next call with one gets 401 API_ERR_TOKEN). */
  expireTokens(): void;
  close(): Promise<void>;
}

type Handler = (context: RequestContext) => Promise<Answer> | Answer;

interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  body: Buffer;
  /** The parsed body of a JSON route (`{}` when it sent none). */
  json: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  partnerId?: string;
}

interface Answer {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const error = (status: number, label: string, message: string): Answer => ({
  status,
  body: { errors: [{ label, message }] },
});

/** A multipart body as the platform parses it; undefined when it is not one. */
function readForm(body: Uint8Array, headers: Record<string, unknown>): Promise<FormData | undefined> {
  return new Request('http://simulator/', {
    method: 'POST',
    headers: { 'content-type': String(headers['content-type'] ?? '') },
    body: new Uint8Array(body),
  })
    .formData()
    .catch(() => undefined);
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

const CSV_COLUMNS: Array<keyof SimDevice> = [
  'deviceId',
  'token',
  'lastOpen',
  'firstOpen',
  'bounce',
  'platform',
  'language',
  'country',
  'timezone',
  'appVersion',
  'sdkVersion',
  'model',
  'nbOpen',
  'pushEnabled',
];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const email = options.email ?? 'mymail@client.com';
  const apiKey = options.apiKey ?? 'a1b2c3d4e5f6g7h8';
  const partnerIds = options.partnerIds ?? ['12345678', '12345679'];
  const pageSize = options.pageSize ?? 100;
  const skew = options.maxClockSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  const rand = random(options.seed ?? 42);
  const faults: Faults = {
    serverErrorRate: 0,
    dropRate: 0,
    slowRate: 0,
    slowMs: 0,
    emptyDevicePages: [],
    ...options.faults,
    links: { ...DEFAULT_LINKS, ...options.faults?.links },
  };
  const plan: ScriptedFault[] = [];
  const devices = seededDevices(options.devices ?? 250, options.seed ?? 42);
  const data = seededData(partnerIds);
  const tokens = new Map<string, { issuedAt: number; expired: boolean }>();
  const stats: SimulatorStats = {
    requests: 0,
    byRoute: {},
    tokensIssued: 0,
    serverErrors: 0,
    dropped: 0,
    rejectedSignatures: 0,
    lastBody: '',
    log: [],
  };
  let nextId = 40_000;

  interface Route {
    method: string;
    pattern: RegExp;
    keys: string[];
    name: string;
    auth: boolean;
    /** POST and PUT bodies are JSON unless the route takes multipart uploads. */
    json: boolean;
    handler: Handler;
  }
  const routes: Route[] = [];
  const route = (method: string, path: string, handler: Handler, { auth = true, multipart = false } = {}): void => {
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_m, key: string) => (keys.push(key), '([^/]+)'))}$`);
    routes.push({
      method,
      pattern,
      keys,
      name: `${method} ${path}`,
      auth,
      json: !multipart && (method === 'POST' || method === 'PUT'),
      handler,
    });
  };
  /** A paged JSON answer: the items under `field`, the links in the header and the body as the faults say. */
  const paged = <T>(field: string, items: T[], url: URL): Answer => {
    const { slice, header, body } = pageOf(items, url, pageSize, faults.links);
    return withLinks({ status: 200, body: { [field]: slice, ...(body ? { links: body } : {}) } }, header);
  };
  const withLinks = (answer: Answer, links: PageOf<unknown>['header']): Answer => {
    const value = linkHeader(links, faults.links.header);
    return value === undefined ? answer : { ...answer, headers: { ...answer.headers, link: value } };
  };

  route(
    'POST',
    '/v1/access_token',
    ({ json: parsed }) => {
      if (typeof parsed.email !== 'string') return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `email`');
      if (parsed.email !== email) return error(403, 'API_ERR_FORBIDDEN', 'Unknown user');
      const token = randomBytes(12).toString('hex');
      tokens.set(token, { issuedAt: now(), expired: false });
      stats.tokensIssued++;
      return { status: 200, body: { token_type: 'Bearer', access_token: token } };
    },
    { auth: false },
  );
  route('GET', '/v1/me', () => ({ status: 200, body: { message: `Welcome ${email}` } }));
  route('GET', '/v1/me/apps', ({ url }) => paged('apps', data.apps, url));
  route('GET', '/v1/me/apps/:partnerId', ({ partnerId }) => ({
    status: 200,
    body: data.apps.find((app) => app.partnerId === partnerId),
  }));
  route('GET', '/v1/me/apps/:partnerId/devices', ({ url }) => {
    const lastOpen = url.searchParams.get('lastOpen');
    if (lastOpen === null) return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `lastOpen`');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lastOpen)) return error(400, 'API_ERR_FORMAT', 'Malformed date field `lastOpen`');
    const matching = devices.filter((device) => device.lastOpen.slice(0, 10) >= lastOpen);
    const { page, slice, header } = pageOf(matching, url, pageSize, faults.links);
    const rows = faults.emptyDevicePages.includes(page) ? [] : slice;
    const text =
      rows.length === 0
        ? ''
        : `${[CSV_COLUMNS.join(';'), ...rows.map((device) => CSV_COLUMNS.map((column) => csvCell(device[column])).join(';'))].join('\n')}\n`;
    return withLinks({ status: 200, text, contentType: 'text/csv; charset=utf-8' }, header);
  });
  const deviceOf = (params: Record<string, string>): SimDevice | Answer =>
    devices.find((device) => device.deviceId === params.deviceId) ??
    error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown device ${params.deviceId}`);
  route('GET', '/v1/me/apps/:partnerId/devices/:deviceId', ({ params }) => {
    const device = deviceOf(params);
    return 'status' in device
      ? device
      : {
          status: 200,
          body: {
            ...device,
            lastOpen: device.lastOpen.replace(' ', 'T') + 'Z',
            firstOpen: device.firstOpen.replace(' ', 'T') + 'Z',
            fields: device.fields,
          },
        };
  });
  route('PUT', '/v1/me/apps/:partnerId/devices/:deviceId', ({ params, json }) => {
    const device = deviceOf(params);
    if ('status' in device) return device;
    const update = json as { fields?: Array<{ action: string; key: string; value?: unknown }> };
    if (!Array.isArray(update.fields)) return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `fields`');
    for (const field of update.fields) {
      const current = device.fields[field.key];
      if (field.action === 'set') device.fields[field.key] = field.value as string | number;
      else if (field.action === 'delete') delete device.fields[field.key];
      else if (field.action === 'increment' || field.action === 'decrement') {
        const delta = Number(field.value ?? 1) * (field.action === 'increment' ? 1 : -1);
        device.fields[field.key] = (typeof current === 'number' ? current : 0) + delta;
      } else return error(400, 'API_ERR_FORMAT', `Unknown action \`${field.action}\` for field \`${field.key}\``);
    }
    return { status: 200, body: { deviceId: device.deviceId, updated: update.fields.length } };
  });
  route('POST', '/v1/me/apps/:partnerId/devices/:deviceId/tags', ({ params, json }) => {
    const device = deviceOf(params);
    if ('status' in device) return device;
    const tag = json as { category?: string; identifier?: string; items?: Record<string, unknown> };
    if (!tag.category) return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `category`');
    if (!tag.identifier) return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `identifier`');
    device.tags[`${tag.category}/${tag.identifier}`] = tag.items ?? {};
    return { status: 200, body: { category: tag.category, identifier: tag.identifier, items: tag.items ?? {} } };
  });
  route('DELETE', '/v1/me/apps/:partnerId/devices/:deviceId/tags/:category/:identifier', ({ params }) => {
    const device = deviceOf(params);
    if ('status' in device) return device;
    const key = `${params.category}/${params.identifier}`;
    if (!(key in device.tags)) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown tag ${key}`);
    delete device.tags[key];
    return { status: 204 };
  });
  route('GET', '/v1/me/apps/:partnerId/fields', () => ({ status: 200, body: { fields: data.fields } }));
  route('GET', '/v1/me/apps/:partnerId/segments', ({ url }) => paged('segments', data.segments, url));
  route('GET', '/v1/me/apps/:partnerId/static-lists', ({ url }) => paged('staticLists', data.staticLists, url));
  route('POST', '/v1/me/apps/:partnerId/static-lists', ({ json }) => {
    const input = json as { name?: string; externalId?: string; expirationDate?: string };
    if (!input.name) return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `name`');
    if (data.staticLists.some((list) => list.externalId === input.externalId))
      return error(400, 'API_ERR_FORMAT', `External ID \`${input.externalId}\` already exists`);
    const list = {
      id: nextId++,
      name: input.name,
      externalId: input.externalId ?? null,
      status: 'empty',
      expirationDate: input.expirationDate ?? null,
      memberCount: 0,
    };
    data.staticLists.push(list);
    return { status: 201, body: list };
  });
  const listOf = (params: Record<string, string>) => data.staticLists.find((list) => String(list.id) === params.listId);
  route(
    'POST',
    '/v1/me/apps/:partnerId/static-lists/:listId/import',
    async ({ params, body, headers }) => {
      const list = listOf(params);
      if (!list) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown static list ${params.listId}`);
      if (headers.expect) return error(417, 'API_ERR_FORMAT', '100 Continue is not supported');
      const form = await readForm(body, headers);
      const file = form?.get('file');
      if (!(file instanceof Blob)) return error(400, 'API_ERR_FORMAT', 'Missing mandatory file `file`');
      const [header = '', ...rows] = (await file.text()).split(/\r?\n/).filter((line) => line.trim() !== '');
      const first = header.split(';')[0];
      if (first !== 'member_id' && first !== 'device_id')
        return error(400, 'API_ERR_FORMAT', 'The first column must be `member_id` or `device_id`');
      if (header.split(';').length > 11) return error(400, 'API_ERR_FORMAT', 'At most 10 custom fields are allowed');
      const rejected = rows.filter((row) => row.split(';').some((cell) => cell.length > 255)).length;
      list.memberCount =
        form?.get('mode') === 'append' ? list.memberCount + rows.length - rejected : rows.length - rejected;
      list.status = 'importing';
      return { status: 202, body: { id: list.id, status: 'importing', rows: rows.length - rejected, rejected } };
    },
    { multipart: true },
  );
  route('DELETE', '/v1/me/apps/:partnerId/static-lists/:listId', ({ params }) => {
    const list = listOf(params);
    if (!list) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown static list ${params.listId}`);
    data.staticLists.splice(data.staticLists.indexOf(list), 1);
    return { status: 204 };
  });
  route('GET', '/v1/me/apps/:partnerId/messages', ({ url }) => {
    const type = url.searchParams.get('type');
    const status = url.searchParams.get('status');
    const matching = data.messages.filter((m) => (!type || m.type === type) && (!status || m.status === status));
    return paged('messages', matching, url);
  });
  route('POST', '/v1/me/apps/:partnerId/messages', ({ json }) => {
    const input = json as {
      name?: string;
      externalId?: string;
      message?: { subject?: string };
      messages?: Record<string, unknown>;
    };
    const problems: Array<[string, string]> = [];
    if (!input.name) problems.push(['API_ERR_FORMAT', 'Missing mandatory parameter `name`']);
    if (!input.message && !input.messages) problems.push(['API_ERR_FORMAT', 'Missing mandatory parameter `message`']);
    if (input.message && input.messages) problems.push(['API_ERR_FORMAT', 'Cannot have `message` and `messages`']);
    if (input.message && !input.message.subject)
      problems.push(['API_ERR_FORMAT', 'Missing mandatory parameter `subject`']);
    if (problems.length > 0)
      return { status: 400, body: { errors: problems.map(([label, message]) => ({ label, message })) } };
    const message = {
      id: nextId++,
      name: input.name as string,
      externalId: input.externalId ?? null,
      type: 'push',
      status: 'draft',
      createdAt: new Date(now()).toISOString(),
      sentAt: null,
      message: input.message ?? null,
    };
    data.messages.push(message);
    return { status: 201, body: { id: message.id, externalId: message.externalId, status: 'draft' } };
  });
  const messageOf = (params: Record<string, string>) =>
    data.messages.find((message) => String(message.id) === params.messageId);
  route('GET', '/v1/me/apps/:partnerId/messages/:messageId', ({ params }) => {
    const message = messageOf(params);
    return message
      ? { status: 200, body: message }
      : error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown message ${params.messageId}`);
  });
  route('POST', '/v1/me/apps/:partnerId/messages/:messageId/send', ({ params, json }) => {
    const message = messageOf(params);
    if (!message) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown message ${params.messageId}`);
    const input = json as { targets?: unknown[] };
    if (!Array.isArray(input.targets) || input.targets.length === 0)
      return error(400, 'API_ERR_FORMAT', 'Missing mandatory parameter `targets`');
    if (input.targets.length > 100) return error(400, 'API_ERR_FORMAT', 'Target max number exceeded (100)');
    return { status: 200, body: { messageId: nextId++, parentMessageId: message.id, targets: input.targets.length } };
  });
  route('GET', '/v1/me/apps/:partnerId/messages/:messageId/statistics', ({ params }) => {
    const message = messageOf(params);
    if (!message) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unknown message ${params.messageId}`);
    return {
      status: 200,
      body: {
        messageId: message.id,
        platforms: {
          ios: { sent: 100, delivered: 98, opened: 30, bounced: 2, clicked: 9 },
          android: { sent: 80, delivered: 77, opened: 21, bounced: 3, clicked: 5 },
        },
      },
    };
  });
  route('GET', '/v1/me/apps/:partnerId/bounces', ({ url }) => paged('bounces', data.bounces, url));
  route(
    'POST',
    '/v1/me/apps/:partnerId/images',
    async ({ body, headers }) => {
      const form = await readForm(body, headers);
      const image = form?.get('image');
      if (!(image instanceof Blob)) return error(400, 'API_ERR_FORMAT', 'Missing mandatory file `image`');
      const name = String(form?.get('name') ?? `img-${nextId++}`);
      return { status: 201, body: { name, url: `https://cdn.accengage.com/${name}`, size: image.size } };
    },
    { multipart: true },
  );

  /** Signature headers: SHA-1 of body + key + time; hex compared in either case (the facts show both). */
  const verifySignature = (headers: IncomingMessage['headers'], body: Buffer): Answer | undefined => {
    const time = String(headers['accengage-time'] ?? '');
    const signature = String(headers['accengage-signature'] ?? '');
    if (signature === '' || !/^\d+$/.test(time))
      return error(400, 'API_ERR_SIGNATURE', 'The given Accengage-Signature header is missing, empty or invalid');
    if (Math.abs(Number(time) - Math.floor(now() / 1000)) > skew)
      return error(400, 'API_ERR_SIGNATURE', 'The given Accengage-Time is too far from the server time');
    const expected = createHash('sha1')
      .update(Buffer.concat([body, Buffer.from(`${apiKey}${time}`, 'utf8')]))
      .digest('hex');
    stats.lastBody = body.toString('utf8');
    return expected === signature.toLowerCase()
      ? undefined
      : error(400, 'API_ERR_SIGNATURE', 'The given Accengage-Signature header is missing, empty or invalid');
  };

  const verifyToken = (headers: IncomingMessage['headers']): Answer | undefined => {
    const header = String(headers.authorization ?? '');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return error(403, 'API_ERR_TOKEN', 'This route requires an access token');
    const token = tokens.get(match[1] as string);
    if (!token) return error(400, 'API_ERR_TOKEN', 'The given access token is invalid');
    if (token.expired || (options.tokenTtlMs !== undefined && now() - token.issuedAt > options.tokenTtlMs))
      return error(401, 'API_ERR_TOKEN', 'The access token has expired');
    return undefined;
  };

  /** The body of a JSON route: it must say it is JSON and be JSON (an empty body reads as `{}`). */
  const readJson = (
    headers: IncomingMessage['headers'],
    body: Buffer,
  ): { json: Record<string, unknown> } | { refused: Answer } => {
    if (body.length === 0) return { json: {} };
    const type = String(headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'application/json')
      return {
        refused: error(
          400,
          'API_ERR_FORMAT',
          `The body must be sent as application/json, not ${type || 'without a Content-Type'}`,
        ),
      };
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { refused: error(400, 'API_ERR_FORMAT', 'Malformed JSON body') };
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { json: parsed as Record<string, unknown> }
      : { refused: error(400, 'API_ERR_FORMAT', 'The body must be a JSON object') };
  };

  const findRoute = (method: string, pathname: string): { route: Route; match: RegExpExecArray } | undefined => {
    for (const candidate of routes) {
      const match = candidate.pattern.exec(pathname);
      if (match && candidate.method === method) return { route: candidate, match };
    }
    return undefined;
  };

  const routeName = (found: ReturnType<typeof findRoute>): string => found?.route.name ?? 'unknown';

  const takeScripted = (name: string): ScriptedFault | undefined => {
    const index = plan.findIndex((fault) => fault.route === undefined || fault.route === name);
    return index < 0 ? undefined : plan.splice(index, 1)[0];
  };

  type Outcome = Answer | { drop: true };

  const serve = async (
    request: IncomingMessage,
    url: URL,
    method: string,
    body: Buffer,
    found: ReturnType<typeof findRoute>,
  ): Promise<Answer> => {
    // Every request is signed, to unknown routes too.
    const signatureProblem = verifySignature(request.headers, body);
    if (signatureProblem) {
      stats.rejectedSignatures++;
      return signatureProblem;
    }
    if (!found) return error(404, 'API_ERR_UNKNOW_ROUTE', `Unsupported ${method} request : ${url.pathname}`);
    const { route: candidate, match } = found;
    if (faults.serverErrorRate > 0 && rand() < faults.serverErrorRate) {
      stats.serverErrors++;
      return error(500, 'API_ERR_SERVICE', 'Injected service failure');
    }
    const forced = request.headers['simulator-fault'];
    if (typeof forced === 'string' && forced !== '') {
      const [status, label] = forced.split(' ');
      return error(Number(status), label ?? 'API_ERR_UNKNOWN', 'Injected by the Simulator-Fault header');
    }
    if (candidate.auth) {
      const tokenProblem = verifyToken(request.headers);
      if (tokenProblem) return tokenProblem;
    }
    // Path parameters are decoded exactly once: `%252F` stays `%2F`.
    const params: Record<string, string> = {};
    for (const [i, key] of candidate.keys.entries()) {
      try {
        params[key] = decodeURIComponent(match[i + 1] ?? '');
      } catch {
        return error(400, 'API_ERR_FORMAT', `Malformed path parameter \`${key}\``);
      }
    }
    if (params.partnerId !== undefined && !partnerIds.includes(params.partnerId))
      return error(403, 'API_ERR_FORBIDDEN', `You have no rights on application ${params.partnerId}`);
    const read = candidate.json ? readJson(request.headers, body) : { json: {} };
    if ('refused' in read) return read.refused;
    const context: RequestContext = {
      method,
      url,
      params,
      body,
      json: read.json,
      headers: request.headers,
      ...(params.partnerId ? { partnerId: params.partnerId } : {}),
    };
    try {
      return await candidate.handler(context);
    } catch (failure) {
      if (failure instanceof MalformedPage) return error(400, 'API_ERR_FORMAT', failure.message);
      throw failure;
    }
  };

  const answer = async (request: IncomingMessage, url: URL, body: Buffer): Promise<Outcome> => {
    const method = request.method ?? 'GET';
    stats.requests++;
    const found = findRoute(method, url.pathname);
    const name = routeName(found);
    if (found) stats.byRoute[name] = (stats.byRoute[name] ?? 0) + 1;
    const scripted = takeScripted(name);
    if (scripted?.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (scripted?.status !== undefined) {
      const answer = error(scripted.status, scripted.label ?? 'API_ERR_SERVICE', 'Injected by a scripted fault');
      return scripted.headers ? { ...answer, headers: scripted.headers } : answer;
    }
    if (scripted?.drop === 'before-handler') return { drop: true };
    if (faults.dropRate > 0 && rand() < faults.dropRate) return { drop: true };
    if (faults.slowRate > 0 && rand() < faults.slowRate)
      await new Promise((resolve) => setTimeout(resolve, faults.slowMs));
    const served = await serve(request, url, method, body, found);
    // The work is done (a list created, a message sent) but the answer never reaches the client.
    return scripted?.drop === 'after-handler' ? { drop: true } : served;
  };

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
        const route = routeName(findRoute(request.method ?? 'GET', url.pathname));
        const at = performance.now();
        let result: Outcome;
        try {
          result = await answer(request, url, Buffer.concat(chunks));
        } catch (failure) {
          result = error(500, 'API_ERR_UNKNOWN', failure instanceof Error ? failure.message : 'unexpected failure');
        }
        if ('drop' in result) {
          stats.dropped++;
          stats.log.push({ route, at, answeredAt: performance.now(), outcome: 'dropped' });
          request.socket.destroy();
          return;
        }
        stats.log.push({ route, at, answeredAt: performance.now(), outcome: result.status });
        const payload = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
        response.writeHead(result.status, {
          ...(payload !== '' || result.text !== undefined
            ? { 'content-type': result.contentType ?? 'application/json' }
            : {}),
          ...result.headers,
        });
        response.end(payload);
      })();
    });
  });
  // Keep-alive sockets would hold close() open; tests start and stop servers often.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    email,
    apiKey,
    partnerId: partnerIds[0] as string,
    stats,
    faults,
    devices,
    data,
    script: (...steps) => void plan.push(...steps),
    pending: () => [...plan],
    expireTokens: () => {
      for (const token of tokens.values()) token.expired = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
