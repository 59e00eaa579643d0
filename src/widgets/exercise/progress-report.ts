import { WidgetElement, defineWidget, setMessage } from '../widget-element';
import { fill, h, uniqueId } from '../dom';
import { LESSONS, lessonExercises } from '../../exercises/catalogue';
import { exportProgress, importProgress, readLesson, readProgressFile, resetProgress, summarise, type LessonSummary } from '../../exercises/progress';
import { progressChanged, progressStore } from './browser-store';
import { assetUrl } from '../asset-url';
import { widgetLanguage } from '../../i18n/languages';
import { exerciseTitle, lessonName, loadExerciseTranslator, type ExerciseTranslate } from '../../exercises/messages/translate';

interface ProgressState {
  lessons: LessonSummary[];
  message: string;
}

/** `<rankbook-progress>`: the reader's progress in every lesson, with export, import and reset. */
export class RankbookProgress extends WidgetElement<ProgressState> {
  private message = '';
  private tx: ExerciseTranslate | null = null;
  private parts: { table: HTMLElement; status: HTMLElement; error: HTMLElement; file: HTMLInputElement; confirm: HTMLElement } | null = null;

  protected currentState(): ProgressState {
    return { lessons: LESSONS.map((lesson) => summarise(progressStore(), lesson)), message: this.message };
  }

  connectedCallback(): void {
    if (this.parts) return;
    const fileId = uniqueId('progress-file');
    const errorId = uniqueId('progress-error');
    const file = h('input', { type: 'file', id: fileId, accept: 'application/json,.json', 'aria-describedby': errorId,
      onchange: () => void this.importFile() });
    const error = h('p', { class: 'rb-message', id: errorId, hidden: true });
    const status = this.createLiveRegion();
    status.classList.remove('rb-visually-hidden');
    status.classList.add('rb-note');
    const confirm = h('div', { class: 'rb-row', hidden: true },
      h('span', {}, 'This removes every attempt and score on this device.'),
      h('button', { type: 'button', onclick: () => this.reset() }, 'Yes, reset everything'),
      h('button', { type: 'button', onclick: () => { confirm.hidden = true; } }, 'Cancel'));
    const table = h('div', { class: 'rb-table-scroll' });
    this.parts = { table, status, error, file, confirm };
    fill(this, h('div', { class: 'rb-widget' }, table,
      h('div', { class: 'rb-row' },
        h('button', { type: 'button', onclick: () => this.exportFile() }, 'Export as JSON'),
        h('label', { for: fileId }, 'Import a progress file:'), file,
        h('button', { type: 'button', onclick: () => { confirm.hidden = false; } }, 'Reset progress…')),
      error, confirm, status));
    void loadExerciseTranslator(widgetLanguage(this)).then((tx) => { this.tx = tx; this.render(); });
    window.addEventListener('storage', () => this.render());
  }

  private render(): void {
    if (!this.parts || !this.tx) return;
    const tx = this.tx;
    const store = progressStore();
    const rows = LESSONS.map((lesson) => {
      const progress = readLesson(store, lesson);
      const s = summarise(store, lesson);
      const detail = lessonExercises(lesson).map((x) => {
        const r = progress[x.id];
        return h('li', {}, `${exerciseTitle(tx, x.id)}: ${!r || r.attempts === 0 ? 'not tried' : r.score ? `solved (${r.attempts} ${r.attempts === 1 ? 'try' : 'tries'})` : `${r.attempts} ${r.attempts === 1 ? 'try' : 'tries'}, not solved yet`}`);
      });
      return h('tr', { 'data-progress-lesson': lesson },
        h('th', { scope: 'row' }, h('a', { href: assetUrl(`lessons/${lesson}/#check-yourself`) }, lessonName(tx, lesson))),
        h('td', {}, `${s.solved} of ${s.total}`), h('td', {}, String(s.attempted)),
        h('td', {}, h('details', {}, h('summary', {}, 'Exercises'), h('ul', {}, ...detail))));
    });
    fill(this.parts.table, h('table', { class: 'rb-data-table rb-progress-table' },
      h('caption', {}, 'Exercises solved and tried, lesson by lesson, on this device'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Lesson'), h('th', { scope: 'col' }, 'Solved'), h('th', { scope: 'col' }, 'Tried'), h('th', { scope: 'col' }, 'Details'))),
      h('tbody', {}, ...rows)));
    this.emitChange();
  }

  private exportFile(): void {
    const file = exportProgress(progressStore());
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const link = h('a', { href: URL.createObjectURL(blob), download: `rankbook-progress-${file.exported.slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.say('Exported: the file is in your downloads.');
  }

  private async importFile(): Promise<void> {
    const parts = this.parts!;
    const chosen = parts.file.files?.[0];
    if (!chosen) return;
    const result = chosen.size > 1e6 ? { ok: false as const, message: 'This file is larger than 1 MB: it is not a progress file.' } : readProgressFile(await chosen.text());
    parts.file.value = '';
    if (!result.ok) {
      setMessage(parts.error, `Nothing imported: ${result.message}`, parts.file);
      this.announce(`Nothing imported: ${result.message}`);
      return;
    }
    setMessage(parts.error, '', parts.file);
    importProgress(progressStore(), result.file);
    progressChanged();
    this.render();
    this.say(`Imported ${result.exercises} exercise records.`);
  }

  private reset(): void {
    resetProgress(progressStore());
    progressChanged();
    this.parts!.confirm.hidden = true;
    this.render();
    this.say('Progress reset.');
  }

  private say(message: string): void {
    this.message = message;
    this.announce(message);
    this.emitChange();
  }
}

defineWidget('rankbook-progress', RankbookProgress);
