import { describe, it, expect } from 'vitest';
import { readEmbedQuery } from '../../../src/widgets/embed-query';
import { widgetCatalogue, type WidgetEntry } from '../../../src/widgets/catalogue';

const widget: WidgetEntry = {
  tag: 'rankbook-test', title: 'Test', description: 'A test widget',
  inputs: [
    { name: 'k', kind: 'integer', min: 1, max: 64, description: 'rank', example: '8' },
    { name: 'mode', kind: 'choice', choices: ['grey', 'colour'], description: 'mode', example: 'grey' },
    { name: 'label', kind: 'text', description: 'label', example: 'x' },
  ],
  controls: [{ name: 'slider', description: 'the slider' }],
};
const read = (query: string) => readEmbedQuery(widget, new URLSearchParams(query));

describe('readEmbedQuery', () => {
  it('passes valid inputs through', () => {
    expect(read('k=8&mode=grey&label=hi')).toEqual({
      attributes: [['k', '8'], ['mode', 'grey'], ['label', 'hi']], hide: [], theme: null, lang: null, notes: [],
    });
  });

  it('hands numbers to the widget as written (it clamps them beside its control) and refuses what is not a number', () => {
    expect(read('k=-5')).toMatchObject({ attributes: [['k', '-5']], notes: [] });
    expect(read('k= 1e999 ').attributes).toEqual([['k', '1e999']]);
    expect(read('k=7.6').attributes).toEqual([['k', '7.6']]);
    expect(read('k=abc')).toMatchObject({ attributes: [], notes: [expect.stringMatching(/not a number/)] });
    expect(read('k=0x1f')).toMatchObject({ attributes: [], notes: [expect.stringMatching(/not a number/)] });
  });

  it('refuses unknown choices, names and controls, and keeps hostile text as text', () => {
    const s = read('mode=<script>alert(1)</script>&colour=red&hide=slider,nothing&theme=neon');
    expect(s.attributes).toEqual([]);
    expect(s.hide).toEqual(['slider']);
    expect(s.theme).toBeNull();
    expect(s.notes).toHaveLength(4);
    expect(read('theme=dark').theme).toBe('dark');
    expect(read(`label=${'x'.repeat(5000)}`).attributes).toEqual([]);
  });

  it('the LoRA trainer: task=own pre-selects the reader\'s own list, and a list in the link is never taken', () => {
    const trainer = (query: string) => readEmbedQuery(widgetCatalogue['lora-trainer'], new URLSearchParams(query));
    expect(trainer('task=own')).toMatchObject({ attributes: [['task', 'own']], notes: [] });
    const s = trainer('task=own&words=anna,ben,carla&list=x&text=y');
    expect(s.attributes).toEqual([['task', 'own']]);
    expect(s.notes).toEqual(['unknown setting “words” ignored.', 'unknown setting “list” ignored.', 'unknown setting “text” ignored.']);
  });

  it('every catalogue entry names its tag and describes each input', () => {
    for (const entry of Object.values(widgetCatalogue)) {
      expect(entry.tag).toMatch(/^rankbook-[a-z-]+$/);
      for (const input of entry.inputs) expect(input.description.length).toBeGreaterThan(5);
    }
  });
});

describe('lang=', () => {
  const entry = widgetCatalogue['rank-explorer'];
  it('takes a language the message catalogue has, matching case and regions loosely', () => {
    expect(readEmbedQuery(entry, new URLSearchParams('lang=de')).lang).toBe('de');
    expect(readEmbedQuery(entry, new URLSearchParams('lang=zh-cn')).lang).toBe('zh-CN');
    expect(readEmbedQuery(entry, new URLSearchParams('lang=de')).notes).toEqual([]);
  });
  it('ignores any other language with a note, keeping English', () => {
    const settings = readEmbedQuery(entry, new URLSearchParams('lang=<b>fr</b>'));
    expect(settings.lang).toBeNull();
    expect(settings.notes).toEqual(['lang “<b>fr</b>” is not one of en, vi, de, zh-CN; English is used.']);
  });
});
