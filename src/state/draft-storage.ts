import type { CampaignDraft } from '../model/draft.js';

const DB_NAME = 'campaign-wizard';
const STORE = 'drafts';
/** Bump when CampaignDraft changes shape; older stored drafts are then ignored, not misread. */
const DRAFT_VERSION = 1;

interface StoredDraft {
  version: number;
  savedAt: number;
  draft: CampaignDraft;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Drafts kept in IndexedDB under the host's `draft-key`. A picked CSV File is stored with the
 * draft (IndexedDB keeps Blobs), so a reload does not lose the upload either.
 */
export const draftStorage = {
  async load(key: string): Promise<CampaignDraft | null> {
    const stored = (await run('readonly', (s) => s.get(key))) as StoredDraft | undefined;
    return stored?.version === DRAFT_VERSION && stored.draft ? stored.draft : null;
  },
  async save(key: string, draft: CampaignDraft): Promise<void> {
    const value: StoredDraft = { version: DRAFT_VERSION, savedAt: Date.now(), draft };
    await run('readwrite', (s) => s.put(value, key));
  },
  async remove(key: string): Promise<void> {
    await run('readwrite', (s) => s.delete(key));
  },
};
