/**
 * A tiny element builder. Text always goes in through textContent, never innerHTML, so nothing a reader types
 * or a URL carries can become markup.
 */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | null | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') el.className = String(value);
    // A string for a boolean property (spellcheck: 'false', translate: 'no') is the attribute's word: assigned to
    // the property it would read as true.
    else if (name in el && typeof value !== 'boolean' && typeof (el as any)[name] !== 'boolean' && !name.includes('-')) (el as any)[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

// Lives in src/plots so the plots need nothing from src/widgets; widgets keep importing it from here.
export { uniqueId } from '../plots/unique-id';

/**
 * A box a wide table scrolls in on a phone: focusable, so the keyboard can scroll it too, and named, so a screen
 * reader says what the stop is.
 */
export const tableScroll = (label: string, attributes: Record<string, string> = {}): HTMLDivElement =>
  h('div', { class: 'rb-table-scroll', tabindex: '0', role: 'region', 'aria-label': label, ...attributes });
