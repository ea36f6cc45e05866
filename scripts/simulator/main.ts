/** `npm run simulator`: a local Accengage API until Ctrl-C. Options from the environment. */
import { startSimulator } from './server.js';

const env = process.env;
const simulator = await startSimulator({
  port: Number(env.SIMULATOR_PORT ?? 4010),
  devices: Number(env.SIMULATOR_DEVICES ?? 1000),
  pageSize: Number(env.SIMULATOR_PAGE_SIZE ?? 100),
  ...(env.SIMULATOR_TOKEN_TTL_MS ? { tokenTtlMs: Number(env.SIMULATOR_TOKEN_TTL_MS) } : {}),
  faults: {
    serverErrorRate: Number(env.SIMULATOR_5XX_RATE ?? 0),
    dropRate: Number(env.SIMULATOR_DROP_RATE ?? 0),
    slowRate: Number(env.SIMULATOR_SLOW_RATE ?? 0),
    slowMs: Number(env.SIMULATOR_SLOW_MS ?? 2000),
  },
});
console.log(`Accengage simulator on ${simulator.url}`);
console.log(`  email: ${simulator.email}  apiKey: ${simulator.apiKey}  partnerId: ${simulator.partnerId}`);
process.on('SIGINT', () => void simulator.close().then(() => process.exit(0)));
