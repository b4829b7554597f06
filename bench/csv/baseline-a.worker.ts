/** Baseline A: papaparse alone parsing the File in one worker (its own File streaming, arrays). */
import Papa from 'papaparse';

self.onmessage = (e: MessageEvent<{ file: File }>) => {
  let rows = 0;
  Papa.parse<string[]>(e.data.file, {
    skipEmptyLines: true,
    chunk: (res) => {
      rows += res.data.length;
    },
    complete: () => postMessage({ rows: rows - 1 }),
    error: (err) => postMessage({ error: String(err) }),
  });
};
