import { h } from '../dom';
import { withSubscripts } from '../subscripts';
import type { PromptBlock } from '../../exercises/types';

/** A question's paragraphs and matrices (the same markup Exercise.astro renders on the server). */
export function promptView(blocks: PromptBlock[]): HTMLElement {
  return h('div', { class: 'rb-exercise-prompt' }, ...blocks.map((block) => block.type === 'text'
    ? h('p', {}, ...withSubscripts(block.text))
    : h('p', { class: 'rb-exercise-matrix' }, h('span', {}, `${block.label} = `),
      h('table', { class: 'rb-matrix', 'aria-label': `${block.label}, ${block.rows.length} × ${block.rows[0]?.length ?? 0}` },
        h('tbody', {}, ...block.rows.map((row) => h('tr', {}, ...row.map((x) => h('td', {}, x)))))))));
}
