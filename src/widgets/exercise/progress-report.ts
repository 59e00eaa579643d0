import { WidgetElement, defineWidget, setMessage } from '../widget-element';
import { fill, h, tableScroll, uniqueId } from '../dom';
import { LESSONS, lessonExercises } from '../../exercises/catalogue';
import { exportProgress, importProgress, readLesson, readProgressFile, resetProgress, summarise, type ImportProblem, type LessonSummary } from '../../exercises/progress';
import { progressChanged, progressStore } from './browser-store';
import { assetUrl } from '../asset-url';
import { PSEUDO, widgetLanguage } from '../../i18n/languages';
import type { Translate } from '../../i18n/translate';
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
    this.startTranslated(() => this.build());
  }

  private build(): void {
    const t = this.t;
    const fileId = uniqueId('progress-file');
    const errorId = uniqueId('progress-error');
    const file = h('input', { type: 'file', id: fileId, accept: 'application/json,.json', 'aria-describedby': errorId,
      onchange: () => void this.importFile() });
    const error = h('p', { class: 'rb-message', id: errorId, hidden: true });
    const status = this.createLiveRegion();
    status.classList.remove('rb-visually-hidden');
    status.classList.add('rb-note');
    const confirm = h('div', { class: 'rb-row', hidden: true },
      h('span', {}, t('progress.resetWarning')),
      h('button', { type: 'button', onclick: () => this.reset() }, t('progress.resetConfirm')),
      h('button', { type: 'button', onclick: () => { confirm.hidden = true; } }, t('progress.cancel')));
    const table = tableScroll(t('progress.caption'));
    this.parts = { table, status, error, file, confirm };
    fill(this, h('div', { class: 'rb-widget' }, table,
      h('div', { class: 'rb-row' },
        h('button', { type: 'button', onclick: () => this.exportFile() }, t('progress.export')),
        h('label', { for: fileId }, t('progress.importLabel')), file,
        h('button', { type: 'button', onclick: () => { confirm.hidden = false; } }, t('progress.reset'))),
      error, confirm, status));
    void loadExerciseTranslator(widgetLanguage(this)).then((tx) => { this.tx = tx; this.render(); });
    window.addEventListener('storage', () => this.render());
  }

  private render(): void {
    if (!this.parts || !this.tx) return;
    const { t, tx } = this;
    const store = progressStore();
    const rows = LESSONS.map((lesson) => {
      const progress = readLesson(store, lesson);
      const s = summarise(store, lesson);
      const detail = lessonExercises(lesson).map((x) => {
        const r = progress[x.id];
        const status = !r || r.attempts === 0 ? t('progress.notTried')
          : r.score ? t('progress.solvedIn', { n: r.attempts }) : t('progress.notSolvedYet', { n: r.attempts });
        return h('li', {}, t('progress.exerciseLine', { title: exerciseTitle(tx, x.id), status }));
      });
      return h('tr', { 'data-progress-lesson': lesson },
        h('th', { scope: 'row' }, h('a', { href: assetUrl(`${this.localeDir()}lessons/${lesson}/#check-yourself`) }, lessonName(tx, lesson))),
        h('td', {}, t('progress.solvedOf', { solved: s.solved, total: s.total })), h('td', {}, String(s.attempted)),
        h('td', {}, h('details', {}, h('summary', {}, t('progress.exercises')), h('ul', {}, ...detail))));
    });
    fill(this.parts.table, h('table', { class: 'rb-data-table rb-progress-table' },
      h('caption', {}, t('progress.caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('progress.lesson')), h('th', { scope: 'col' }, t('progress.solved')),
        h('th', { scope: 'col' }, t('progress.tried')), h('th', { scope: 'col' }, t('progress.details')))),
      h('tbody', {}, ...rows)));
    this.emitChange();
  }

  /** The lessons in the reader's language: Starlight's locale folders are the tags in lower case (zh-cn/). */
  private localeDir(): string {
    const lang = widgetLanguage(this);
    return lang === 'en' || lang === PSEUDO ? '' : `${lang.toLowerCase()}/`;
  }

  private exportFile(): void {
    const file = exportProgress(progressStore());
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const link = h('a', { href: URL.createObjectURL(blob), download: `rankbook-progress-${file.exported.slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.say(this.t('progress.exported'));
  }

  private async importFile(): Promise<void> {
    const parts = this.parts!;
    const chosen = parts.file.files?.[0];
    if (!chosen) return;
    const result = chosen.size > 1e6 ? null : readProgressFile(await chosen.text());
    parts.file.value = '';
    if (!result?.ok) {
      const problem = result ? importProblemText(result, this.t) : this.t('progress.fileTooLarge');
      const message = this.t('progress.nothingImported', { problem });
      setMessage(parts.error, message, parts.file);
      this.announce(message);
      return;
    }
    setMessage(parts.error, '', parts.file);
    importProgress(progressStore(), result.file);
    progressChanged();
    this.render();
    this.say(this.t('progress.imported', { n: result.exercises }));
  }

  private reset(): void {
    resetProgress(progressStore());
    progressChanged();
    this.parts!.confirm.hidden = true;
    this.render();
    this.say(this.t('progress.resetDone'));
  }

  private say(message: string): void {
    this.message = message;
    this.announce(message);
    this.emitChange();
  }
}

/** Why an imported file was refused, in the reader's words. */
function importProblemText(p: ImportProblem, t: Translate): string {
  switch (p.problem) {
    case 'notJson': return t('progress.notJson');
    case 'notProgressFile': return t('progress.notProgressFile');
    case 'noLessons': return t('progress.noLessons');
    case 'version': return t('progress.version', { version: p.version });
    case 'unknownLesson': return t('progress.unknownLesson', { lesson: p.lesson });
    case 'lessonNotObject': return t('progress.lessonNotObject', { lesson: p.lesson });
    case 'unknownExercise': return t('progress.unknownExercise', { lesson: p.lesson, id: p.id });
    case 'recordNotObject': return t('progress.recordNotObject', { id: p.id });
    case 'badNumbers': return t('progress.badNumbers', { id: p.id });
    case 'badDate': return t('progress.badDate', { id: p.id });
  }
}

defineWidget('rankbook-progress', RankbookProgress);
