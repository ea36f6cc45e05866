/**
 * Paged lists end to end, against the ways servers send their links: the `Link` header in other
 * orders and quotings or not at all, a body `links` field that disagrees with it, links to another
 * origin, and loops.
 */
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../generated/accengage/index.js';
import type { LinkFaults } from '../scripts/simulator/server.js';
import { failure, setup, simulator as startSimulator } from './e2e-support.js';

const SEGMENTS = 'GET /v1/me/apps/:partnerId/segments';
const DEVICES = 'GET /v1/me/apps/:partnerId/devices';
const ALL_SEGMENTS = [101, 102, 103, 104, 105];

async function segmentsWith(links: Partial<LinkFaults>, pageSize = 2) {
  const { simulator, client } = await setup({
    pageSize,
    faults: { links: { header: 'standard', body: 'same', ...links } },
  });
  return { simulator, client, ids: async () => (await client.segments.list().all()).map((segment) => segment.id) };
}

describe('where the links are read', () => {
  it('follows the body links when there is no Link header', async () => {
    const { simulator, ids } = await segmentsWith({ header: 'absent' });
    expect(await ids()).toEqual(ALL_SEGMENTS);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(3);
  });

  it('follows the Link header when there are no body links', async () => {
    const { simulator, ids } = await segmentsWith({ body: 'absent' });
    expect(await ids()).toEqual(ALL_SEGMENTS);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(3);
  });

  it('prefers the Link header, as the model says, when the body links disagree', async () => {
    const { simulator, client, ids } = await segmentsWith({ body: 'skip-ahead' });
    const first = await client.segments.list();
    expect(first.links.next).toBe(`${simulator.url}/v1/me/apps/${simulator.partnerId}/segments?page=2`);
    expect(await ids()).toEqual(ALL_SEGMENTS);
  });

  it('stops at the last page when neither the header nor the body has a next link', async () => {
    const { simulator, ids } = await segmentsWith({ header: 'absent', body: 'absent' });
    expect(await ids()).toEqual([101, 102]);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(1);
  });

  it.each(['reversed', 'unquoted', 'decorated'] as const)('reads a %s Link header', async (header) => {
    const { simulator, client, ids } = await segmentsWith({ header, body: 'absent' });
    expect(await ids()).toEqual(ALL_SEGMENTS);
    const second = await client.segments.list({ page: 2 });
    expect(second.links).toEqual({
      first: `${simulator.url}/v1/me/apps/${simulator.partnerId}/segments?page=1`,
      prev: `${simulator.url}/v1/me/apps/${simulator.partnerId}/segments?page=1`,
      next: `${simulator.url}/v1/me/apps/${simulator.partnerId}/segments?page=3`,
    });
  });

  it('reads a decorated Link header on the CSV devices list, which has no body links', async () => {
    const { simulator, client } = await setup({
      devices: 25,
      pageSize: 10,
      faults: { links: { header: 'decorated', body: 'same' } },
    });
    const ids: string[] = [];
    for await (const device of client.devices.list({ lastOpen: '2000-01-01' })) ids.push(device.deviceId);
    expect(ids).toEqual(simulator.devices.map((device) => device.deviceId));
    expect(simulator.stats.byRoute[DEVICES]).toBe(3);
  });
});

describe('links that must not be followed', () => {
  it('refuses a next link to another origin, before sending it anything', async () => {
    const other = await startSimulator();
    const { simulator, client } = await segmentsWith({ origin: other.url });
    const pages = client.segments.list().pages();
    const first = await pages.next();
    expect(first.value && 'items' in first.value ? first.value.items.map((segment) => segment.id) : []).toEqual([
      101, 102,
    ]);
    const error = await failure(pages.next());
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(`the next page is on another origin (${other.url}); it was not followed`);
    expect(other.stats.requests).toBe(0);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(1);
  });

  it('ends a listing whose next link loops back to a page already fetched', async () => {
    const { simulator, ids } = await segmentsWith({ loopFrom: 3 }, 1);
    expect(await ids()).toEqual([101, 102, 103]);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(3);
  });

  // The first request has no `page` parameter and the server's links name page 1 `?page=1`: the
  // first page's own addresses (its `first` link, `page=1`) count as read.
  it('ends a listing whose next link loops back to the first page without repeating it', async () => {
    const { simulator, ids } = await segmentsWith({ loopFrom: 2 }, 1);
    expect(await ids()).toEqual([101, 102]);
    expect(simulator.stats.byRoute[SEGMENTS]).toBe(2);
  });
});
