import '../src/index.js';
import { createInMemoryAdapters } from '../src/adapters/in-memory.js';

const wizard = document.querySelector('campaign-wizard');
if (wizard) wizard.adapters = createInMemoryAdapters();
