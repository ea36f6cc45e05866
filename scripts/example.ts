/**
 * `npm run example`: the README's usage, end to end. Starts the local simulator (10,000 devices,
 * 5% server errors, tokens that expire after 0.4 s), then lists every device with the generated
 * client and checks them against the server's records: none lost, none repeated, in the server's
 * order. Exits 1 otherwise.
 */
import { AccengageClient, AccengageError } from '../generated/accengage/index.js';
import { startSimulator } from './simulator/server.js';

/** What a listing got wrong against the server's records: items missing, items seen twice, the first place the order differs. */
function compareListing(
  expected: string[],
  listed: string[],
): { lost: number; repeated: number; firstMisplaced: number | undefined } {
  const counts = new Map<string, number>();
  for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
  const lost = expected.filter((id) => !counts.has(id)).length;
  const repeated = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
  const index = expected.findIndex((id, i) => listed[i] !== id);
  return {
    lost,
    repeated,
    firstMisplaced: index >= 0 ? index : listed.length > expected.length ? expected.length : undefined,
  };
}

const simulator = await startSimulator({
  devices: 10_000,
  pageSize: 100,
  tokenTtlMs: 400,
  faults: { serverErrorRate: 0.05 },
});
try {
  const client = new AccengageClient({
    email: simulator.email,
    apiKey: simulator.apiKey,
    partnerId: simulator.partnerId,
    baseUrl: simulator.url,
  });
  console.log((await client.me.get()).message);

  const listed: string[] = [];
  let pages = 0;
  const started = Date.now();
  for await (const page of client.devices.list({ lastOpen: '2000-01-01' }).pages()) {
    pages++;
    for (const device of page.items) listed.push(device.deviceId);
  }
  console.log(`${listed.length} devices over ${pages} pages in ${Date.now() - started} ms`);
  const check = compareListing(
    simulator.devices.map((device) => device.deviceId),
    listed,
  );
  console.log(
    `lost: ${check.lost}; repeated: ${check.repeated}; first out of order at: ${check.firstMisplaced ?? 'none'}`,
  );
  console.log(
    `server errors survived: ${simulator.stats.serverErrors}; tokens issued: ${simulator.stats.tokensIssued}; rejected signatures: ${simulator.stats.rejectedSignatures}`,
  );

  try {
    await client.apps.get({ partnerId: '99999999' });
  } catch (error) {
    if (error instanceof AccengageError) console.log(`typed error: ${error.status} ${error.label}`);
    else throw error;
  }
  if (check.lost > 0 || check.repeated > 0 || check.firstMisplaced !== undefined) process.exitCode = 1;
} finally {
  await simulator.close();
}
