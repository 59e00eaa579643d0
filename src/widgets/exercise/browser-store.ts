import { PROGRESS_EVENT, type ProgressStore } from '../../exercises/progress';

/**
 * localStorage when the browser allows it (it can throw in private modes and sandboxed frames), else a store in
 * memory for this page, so exercises still work and progress just is not kept.
 */
let store: ProgressStore | null = null;

export function progressStore(): ProgressStore {
  if (store) return store;
  try {
    const probe = 'rankbook-progress:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    store = localStorage;
  } catch {
    const memory = new Map<string, string>();
    store = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, String(v)), removeItem: (k) => void memory.delete(k) };
  }
  return store;
}

export const progressChanged = () => window.dispatchEvent(new Event(PROGRESS_EVENT));
