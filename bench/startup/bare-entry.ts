// Start-up baseline page: the same clock around a module with lit and one bare element.
import { measureStartup } from './measure.js';

window.startup = measureStartup(() => import('./bare-mount.js'));
