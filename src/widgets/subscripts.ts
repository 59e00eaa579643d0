/**
 * Text written with TeX-style one-character subscripts ("‖ΔW‖_F") as parts a view can render: plain strings
 * and the subscripts to draw lowered, so a table never shows a raw underscore where a subscript is meant.
 */
export type TextPart = string | { sub: string };

export function subscriptParts(text: string): TextPart[] {
  return text.split(/_([A-Za-z0-9])/).map((part, i) => (i % 2 === 1 ? { sub: part } : part)).filter((p) => p !== '');
}

/** The same as DOM nodes: strings as text, subscripts as <sub>. */
export function withSubscripts(text: string): Node[] {
  return subscriptParts(text).map((p) => {
    if (typeof p === 'string') return document.createTextNode(p);
    const sub = document.createElement('sub');
    sub.textContent = p.sub;
    return sub;
  });
}
