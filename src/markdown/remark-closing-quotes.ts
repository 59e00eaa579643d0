/**
 * SmartyPants curls each text node on its own. After inline math or code ("$W$'s") the text node starts with
 * the apostrophe, and with nothing before it SmartyPants takes it for an opening quote: "W‘s". A quote that
 * touches the node before it closes something, so this turns a text node's leading ‘ or “ into ’ or ” when
 * the sibling before it is not text (nor a line break). Runs after SmartyPants (Astro puts it before the config's plugins).
 */
interface Node { type: string; value?: string; children?: Node[] }

const CLOSING: Record<string, string> = { '‘': '’', '“': '”' };

export function closeQuotesAfterInlineNodes(node: Node): void {
  const children = node.children;
  if (!children) return;
  children.forEach((child, i) => {
    const before = children[i - 1];
    if (child.type === 'text' && before && before.type !== 'text' && before.type !== 'break' && child.value && CLOSING[child.value[0]]) {
      child.value = CLOSING[child.value[0]] + child.value.slice(1);
    }
    closeQuotesAfterInlineNodes(child);
  });
}

export default function remarkClosingQuotes() {
  return (tree: Node) => closeQuotesAfterInlineNodes(tree);
}
