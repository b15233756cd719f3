import { resolve } from 'node:path';
import { main } from '../main';
import { seedDemo } from './seed';

/**
 * `npm run demo`: Tandem with the Northwind Manufacturing demo organisation, in its own data
 * directory (./.tandem-demo unless TANDEM_DATA_DIR is set) so it never mixes with real data.
 */
process.env.TANDEM_DATA_DIR ??= resolve('.tandem-demo');
main({
  afterOpen: async (app) => {
    const login = await seedDemo(app.ctx);
    if (login) console.log(`Demo organisation ready. Sign in as ${login.email} with password ${login.password}`);
    else console.log('This data directory already holds a non-demo instance; the demo was not loaded.');
  },
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
