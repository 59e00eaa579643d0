import { isLesson } from '../../exercises/catalogue';
import { PROGRESS_EVENT, summarise } from '../../exercises/progress';
import { progressStore } from './browser-store';
import { withTranslator, type Translate } from '../../i18n/translate';

/**
 * Marks every link to a lesson in the sidebar, and every element with a data-lesson attribute (the home page's
 * cards, whatever their markup), with the reader's progress: "2/4", spoken as "2 of 4 exercises solved".
 */
const LESSON_SLUG = /(\d\d-[a-z0-9-]+)\/?$/;

function lessonOf(value: string | null): string | null {
  const slug = LESSON_SLUG.exec((value ?? '').replace(/[?#].*$/, ''))?.[1] ?? null;
  return slug && isLesson(slug) ? slug : null;
}

function badge(host: Element, lesson: string, t: Translate): void {
  host.querySelector(':scope > .rb-progress-badge')?.remove();
  const { solved, attempted, total } = summarise(progressStore(), lesson);
  if (attempted === 0) return;
  const span = document.createElement('span');
  span.className = 'rb-progress-badge';
  span.dataset.complete = String(solved === total);
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  shown.textContent = `${solved}/${total}`;
  const spoken = document.createElement('span');
  spoken.className = 'rb-visually-hidden';
  spoken.textContent = t('progressBadge.spoken', { solved, total });
  span.append(shown, spoken);
  host.append(span);
}

export function decorateProgress(root: ParentNode = document): void {
  // In the page's language (a card or link inside an English fallback still has the page's sidebar around it).
  withTranslator(document.documentElement, (t) => {
    for (const link of root.querySelectorAll('nav a[href*="lessons/"]')) {
      const lesson = lessonOf(link.getAttribute('href'));
      if (lesson) badge(link, lesson, t);
    }
    for (const card of root.querySelectorAll('[data-lesson]')) {
      const lesson = lessonOf(card.getAttribute('data-lesson'));
      if (lesson) badge(card, lesson, t);
    }
  });
}

decorateProgress();
window.addEventListener(PROGRESS_EVENT, () => decorateProgress());
window.addEventListener('storage', (event) => { if (event.key?.startsWith('rankbook-progress:')) decorateProgress(); });
