/**
 * `npm run example`: the README's usage, end to end. Starts the local simulator (10,000 devices,
 * 5% server errors, tokens that expire after 0.4 s), then lists every device with the generated
 * client and checks that none is lost or repeated.
 */
import { AccengageClient, AccengageError } from '../generated/accengage/index.js';
import { startSimulator } from './simulator/server.js';

const simulator = await startSimulator({ devices: 10_000, pageSize: 100, tokenTtlMs: 400, faults: { serverErrorRate: 0.05 } });
try {
  const client = new AccengageClient({ email: simulator.email, apiKey: simulator.apiKey, partnerId: simulator.partnerId, baseUrl: simulator.url });
  console.log((await client.me.get()).message);

  const seen = new Set<string>();
  let pages = 0;
  const started = Date.now();
  for await (const page of client.devices.list({ lastOpen: '2000-01-01' }).pages()) {
    pages++;
    for (const device of page.items) seen.add(device.deviceId);
  }
  console.log(`${seen.size} devices over ${pages} pages in ${Date.now() - started} ms`);
  console.log(`server errors survived: ${simulator.stats.serverErrors}; tokens issued: ${simulator.stats.tokensIssued}; rejected signatures: ${simulator.stats.rejectedSignatures}`);

  try {
    await client.apps.get({ partnerId: '99999999' });
  } catch (error) {
    if (error instanceof AccengageError) console.log(`typed error: ${error.status} ${error.label}`);
    else throw error;
  }
  if (seen.size !== 10_000) process.exitCode = 1;
} finally {
  await simulator.close();
}
