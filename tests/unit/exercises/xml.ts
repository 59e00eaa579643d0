// A small XML reader for the SCORM manifest tests (unit and built-output).
/** A small XML reader: elements with attributes and text, well-formedness checked (nesting, quoting). */
export interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }
export function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (m = token.exec(body))) {
    at = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attributes: Record<string, string> = {};
      for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
        if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]}`);
        attributes[a[1]] = a[2];
      }
      const node = { name: m[2], attributes, children: [], text: '' };
      top.children.push(node);
      if (!m[4]) stack.push(node);
    } else if (m[5]) {
      if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(m[5])) throw new Error('bare &');
      top.text += m[5].trim();
    }
  }
  if (at !== body.length) throw new Error(`unreadable XML at ${at}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unclosed elements');
  return root.children[0];
}
export const find = (node: XmlNode, name: string): XmlNode[] =>
  [...node.children.filter((c) => c.name === name), ...node.children.flatMap((c) => find(c, name))];
