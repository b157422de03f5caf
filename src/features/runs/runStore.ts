import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import { upgradeSavedCheckpoint, upgradeSavedResult } from '../../core/experiment/earlyStop';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { defaultRecordName, newRecordId, newestFirst, type SavedRecord } from './runRecords';
import { StoreClosedError } from './storageErrors';

export type { SavedRecord } from './runRecords';

export const RUN_DB_NAME = 'learnability-lab';
export const RUN_STORE_NAME = 'results';
/** The latest checkpoint of an unfinished experiment, keyed by its saved record's id (v2). */
export const CHECKPOINT_STORE_NAME = 'checkpoints';
const DB_VERSION = 2;
/** Some browsers leave an open request pending forever (blocked, private modes): give up after this. */
const OPEN_TIMEOUT_MS = 4000;

export interface RunStore {
  /** False when results live only in memory (no IndexedDB): they will not survive a reload. */
  persistent: boolean;
  /**
   * Saves an experiment; `name` defaults to defaultRecordName(result, now). With `id`, replaces the
   * record of that id (an in-progress experiment saved again and again, then once finished).
   */
  save(result: ExperimentResult, name?: string, id?: string): Promise<SavedRecord>;
  /** Newest first. */
  list(): Promise<SavedRecord[]>;
  get(id: string): Promise<SavedRecord | undefined>;
  /** Removes the record and its checkpoint. */
  remove(id: string): Promise<void>;
  /** Keeps only the latest checkpoint per record: enough to resume after a crash or reload. */
  saveCheckpoint(id: string, checkpoint: ExperimentCheckpoint): Promise<void>;
  getCheckpoint(id: string): Promise<ExperimentCheckpoint | undefined>;
  removeCheckpoint(id: string): Promise<void>;
  /** Ids of the records that can be resumed. */
  checkpointIds(): Promise<string[]>;
}

interface CheckpointRecord {
  id: string;
  checkpoint: ExperimentCheckpoint;
}

function makeRecord(result: ExperimentResult, name: string | undefined, id: string | undefined): SavedRecord {
  const now = new Date();
  return { id: id ?? newRecordId(now), savedAt: now.toISOString(), name: name ?? defaultRecordName(result, now), result };
}

/** A record as saved by any earlier version, in today's form (stop reasons were plain text). */
function upgradeRecord(record: SavedRecord): SavedRecord {
  return { ...record, result: upgradeSavedResult(record.result) };
}

/** Results kept in a Map: the fallback where IndexedDB is missing or refuses to open. */
export function createMemoryRunStore(): RunStore {
  const records = new Map<string, SavedRecord>();
  const checkpoints = new Map<string, ExperimentCheckpoint>();
  return {
    persistent: false,
    save: async (result, name, id) => {
      const record = makeRecord(result, name, id);
      records.set(record.id, record);
      return record;
    },
    list: async () => newestFirst([...records.values()].reverse()),
    get: async (id) => records.get(id),
    remove: async (id) => {
      records.delete(id);
      checkpoints.delete(id);
    },
    saveCheckpoint: async (id, checkpoint) => {
      checkpoints.set(id, checkpoint);
    },
    getCheckpoint: async (id) => checkpoints.get(id),
    removeCheckpoint: async (id) => {
      checkpoints.delete(id);
    },
    checkpointIds: async () => [...checkpoints.keys()],
  };
}

/** Connections closed because another tab upgraded or deleted the database. */
const closedDatabases = new WeakSet<IDBDatabase>();

/** Runs one request in its own transaction and resolves once the transaction has committed. */
function transact<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
  storeName = RUN_STORE_NAME,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (closedDatabases.has(db)) return reject(new StoreClosedError());
    let tx: IDBTransaction;
    try {
      tx = db.transaction(storeName, mode);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const req = run(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), OPEN_TIMEOUT_MS);
    const done = () => clearTimeout(timer);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(RUN_DB_NAME, DB_VERSION);
    } catch (error) {
      done();
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    req.onupgradeneeded = () => {
      for (const name of [RUN_STORE_NAME, CHECKPOINT_STORE_NAME])
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      done();
      resolve(req.result);
    };
    req.onerror = () => {
      done();
      reject(req.error ?? new Error('IndexedDB failed to open'));
    };
    req.onblocked = () => {
      done();
      reject(new Error('IndexedDB is blocked by another tab'));
    };
  });
}

/**
 * Another tab opening a newer version (or deleting the database) asks this connection to close:
 * close it so that tab is not blocked, refuse later writes with StoreClosedError, and tell the app.
 */
function closeOnVersionChange(db: IDBDatabase, onClosed: () => void): IDBDatabase {
  db.onversionchange = () => {
    if (closedDatabases.has(db)) return;
    closedDatabases.add(db);
    db.close();
    onClosed();
  };
  return db;
}

function createIdbRunStore(db: IDBDatabase): RunStore {
  return {
    persistent: true,
    save: async (result, name, id) => {
      const record = makeRecord(result, name, id);
      await transact(db, 'readwrite', (store) => store.put(record));
      return record;
    },
    list: async () =>
      newestFirst((await transact(db, 'readonly', (store) => store.getAll() as IDBRequest<SavedRecord[]>)).map(upgradeRecord)),
    get: async (id) => {
      const record = await transact(db, 'readonly', (store) => store.get(id) as IDBRequest<SavedRecord | undefined>);
      return record && upgradeRecord(record);
    },
    remove: async (id) => {
      await transact(db, 'readwrite', (store) => store.delete(id));
      await transact(db, 'readwrite', (store) => store.delete(id), CHECKPOINT_STORE_NAME);
    },
    saveCheckpoint: async (id, checkpoint) => {
      const record: CheckpointRecord = { id, checkpoint };
      await transact(db, 'readwrite', (store) => store.put(record), CHECKPOINT_STORE_NAME);
    },
    getCheckpoint: async (id) => {
      const record = await transact(
        db,
        'readonly',
        (store) => store.get(id) as IDBRequest<CheckpointRecord | undefined>,
        CHECKPOINT_STORE_NAME,
      );
      return record && upgradeSavedCheckpoint(record.checkpoint);
    },
    removeCheckpoint: async (id) => {
      await transact(db, 'readwrite', (store) => store.delete(id), CHECKPOINT_STORE_NAME);
    },
    checkpointIds: async () => (await transact(db, 'readonly', (store) => store.getAllKeys(), CHECKPOINT_STORE_NAME)).map(String),
  };
}

/**
 * Opens the saved-runs store: IndexedDB db "learnability-lab", store "results" (keyPath "id"). Where
 * IndexedDB is unavailable or fails to open it resolves to an in-memory store with
 * `persistent: false` (it never rejects). `onClosed` runs when another tab upgrades or deletes the
 * database: this connection closes and later writes reject with StoreClosedError.
 */
export async function openRunStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  onClosed: () => void = () => {},
): Promise<RunStore> {
  if (!factory) return createMemoryRunStore();
  try {
    return createIdbRunStore(closeOnVersionChange(await openDatabase(factory), onClosed));
  } catch {
    return createMemoryRunStore();
  }
}
