import { env } from '../server/config/env';
import { createSwitchboard } from '../server/app';

/** The server under test, in its own process so the load generator does not share its event loop. */
const sb = await createSwitchboard(env(), { console: process.env.BENCH_CONSOLE === 'production' ? 'production' : false });
const url = await sb.listen();
process.stdout.write(`${JSON.stringify({ benchServerUrl: url })}\n`);
const stop = () => void sb.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
