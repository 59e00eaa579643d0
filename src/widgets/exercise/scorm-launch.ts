/**
 * The script of a SCORM package's launch page (scripts/scorm.ts bundles it as one classic script, so the
 * package works as plain files): it opens a session with the LMS, restores the reader's earlier attempts from
 * cmi.suspend_data, and reports the lesson's score after every checked answer.
 */
import { PROGRESS_EVENT, importProgress, readLesson, readProgressFile } from '../../exercises/progress';
import { progressStore } from './browser-store';
import { findScormApi, ScormSession } from './scorm-api';

const lesson = document.body.dataset.lesson ?? '';
const note = document.querySelector<HTMLElement>('[data-scorm-note]');
const api = findScormApi();
const session = api ? new ScormSession(api) : null;
const connected = session?.start() ?? false;
if (note) {
  note.textContent = connected ? 'Your score is sent to your course as you answer.'
    : 'No course system found: this page checks answers but keeps your score in this browser only.';
}

// The LMS keeps this lesson's records between sessions; local storage may not survive (another computer).
if (connected) {
  const saved = readProgressFile(session!.get('cmi.suspend_data'));
  if (saved.ok && saved.file.lessons[lesson]) {
    const store = progressStore();
    const others = Object.fromEntries(Object.keys(saved.file.lessons).map((l) => [l, readLesson(store, l)]));
    importProgress(store, { ...saved.file, lessons: { ...others, [lesson]: saved.file.lessons[lesson] } });
  }
}

// Only the exercises on this page count (widget tasks are not packaged).
const ids = [...document.querySelectorAll('rankbook-exercise')].map((el) => el.getAttribute('exercise') ?? '');
function report(): void {
  if (!connected) return;
  const progress = readLesson(progressStore(), lesson);
  const solved = ids.filter((id) => (progress[id]?.score ?? 0) >= 1).length;
  const attempted = ids.filter((id) => (progress[id]?.attempts ?? 0) > 0).length;
  session!.set('cmi.suspend_data', JSON.stringify({ format: 'rankbook-progress', version: 1, exported: new Date().toISOString(), lessons: { [lesson]: progress } }).slice(0, 4096));
  session!.report({ solved, attempted, total: ids.length });
}
window.addEventListener(PROGRESS_EVENT, report);
window.addEventListener('pagehide', () => session?.finish());
window.addEventListener('beforeunload', () => session?.finish());
(window as unknown as { rankbookScorm?: ScormSession | null }).rankbookScorm = session;

// Loaded after the restore above, so every exercise starts from the kept seed and attempts.
void import('./exercise');
