// Start-up page: the clock starts at the dynamic import of the package (with the host's in-memory
// adapters) and stops after the first frame painted with the Basics heading.
import { measureStartup } from './measure.js';

window.startup = measureStartup(() => import('./wizard-mount.js'));
