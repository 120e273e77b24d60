import { storeSuite } from './conformance.js';
import { openStore } from './index.js';

storeSuite('pglite', () => openStore({ dataDir: 'memory://' }));
