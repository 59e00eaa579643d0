import { describe, it, expect } from 'vitest';
import { closeQuotesAfterInlineNodes } from '../../../src/markdown/remark-closing-quotes';

const paragraph = (...children: { type: string; value?: string }[]) => ({ type: 'root', children: [{ type: 'paragraph', children }] });
const texts = (tree: any): string[] => tree.children[0].children.filter((n: any) => n.type === 'text').map((n: any) => n.value);

describe('quotes SmartyPants opened right after inline math or code', () => {
  it('closes an apostrophe touching inline math, code or emphasis', () => {
    for (const type of ['inlineMath', 'inlineCode', 'emphasis', 'mdxJsxTextElement']) {
      const tree = paragraph({ type: 'text', value: 'so ' }, { type, value: 'W' }, { type: 'text', value: '‘s gradient' });
      closeQuotesAfterInlineNodes(tree);
      expect(texts(tree)).toEqual(['so ', '’s gradient']);
    }
    const tree = paragraph({ type: 'inlineMath', value: 'x' }, { type: 'text', value: '“ is' });
    closeQuotesAfterInlineNodes(tree);
    expect(texts(tree)).toEqual(['” is']);
  });

  it('leaves opening quotes that follow text (after a space) and quotes inside text alone', () => {
    const tree = paragraph({ type: 'text', value: 'the ‘word’ ' }, { type: 'text', value: '‘quoted’' },
      { type: 'inlineMath', value: 'W' }, { type: 'text', value: ' and ‘this’' });
    closeQuotesAfterInlineNodes(tree);
    expect(texts(tree)).toEqual(['the ‘word’ ', '‘quoted’', ' and ‘this’']);
    const afterBreak = paragraph({ type: 'text', value: 'a line' }, { type: 'break' }, { type: 'text', value: '‘quoted’' });
    closeQuotesAfterInlineNodes(afterBreak);
    expect(texts(afterBreak)).toEqual(['a line', '‘quoted’']);
  });

  it('reaches text nested in lists and emphasis', () => {
    const tree = { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [
      { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'inlineMath', value: 'B' }, { type: 'text', value: '‘s' }] }] }] }] }] };
    closeQuotesAfterInlineNodes(tree);
    expect((tree as any).children[0].children[0].children[0].children[0].children[1].value).toBe('’s');
  });
});
