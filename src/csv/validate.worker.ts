/**
 * Validate worker: checks batches of phone cells sent by the parse worker over a MessagePort and
 * answers with typed arrays (status, E.164 as a number, country index). Several run in parallel.
 */
import { installRegExpCache } from './regexp-cache.js';
import { COUNTRY_KEYS, PHONE_VALID, checkPhone, type CountryCode } from './phone.js';
import type { ValidateBatch, ValidatorInit, ValidatorMessage } from './protocol.js';

installRegExpCache();

const countryIndex = new Map(COUNTRY_KEYS.map((c, i) => [c, i]));
const scope = self as unknown as { onmessage: ((e: MessageEvent<ValidatorInit>) => void) | null };

scope.onmessage = (e) => {
  if (e.data.type !== 'init') return;
  const { port } = e.data;
  const defaultCountry = e.data.defaultCountry as CountryCode;
  const post = (m: ValidatorMessage, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  port.onmessage = (ev: MessageEvent<ValidateBatch>) => {
    const t0 = performance.now();
    const { id, text, ends } = ev.data;
    const n = ends.length;
    const status = new Uint8Array(n);
    const e164 = new Float64Array(n);
    const country = new Uint16Array(n);
    let fast = 0;
    let start = 0;
    for (let k = 0; k < n; k++) {
      const end = ends[k];
      const r = checkPhone(text.slice(start, end), defaultCountry);
      start = end;
      status[k] = r.status;
      if (r.status === PHONE_VALID) {
        e164[k] = Number(r.e164!.slice(1));
        country[k] = countryIndex.get(r.country!) ?? countryIndex.get('001')!;
        if (r.fast) fast++;
      }
    }
    const ms = performance.now() - t0;
    post({ type: 'result', id, status, e164, country, fast, ms }, [status.buffer, e164.buffer, country.buffer]);
  };
  post({ type: 'ready', countries: COUNTRY_KEYS });
};
