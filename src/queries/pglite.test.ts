import { querySuite } from './conformance.js';
import { openStore } from '../storage/index.js';

querySuite('pglite', () => openStore({ dataDir: 'memory://' }));
