import type { WidgetEntry, WidgetInput } from './catalogue';
import { PLAIN_NUMBER } from './whole-number';
import { LANGUAGES, matchLanguage, type WidgetLanguage } from '../i18n/languages';
import { english, type Translate } from '../i18n/translate';

export interface EmbedSettings {
  /** Attribute name and value pairs to set on the widget (the widget validates them again). */
  attributes: [string, string][];
  /** Names of controls to hide. */
  hide: string[];
  theme: 'light' | 'dark' | null;
  /** The widget's language from `lang=`, one the message catalogue has; null for the page's own (English). */
  lang: WidgetLanguage | null;
  /** What was ignored or changed, in words, for a visible note on the page. */
  notes: string[];
}

const MAX_TEXT = 4000;
const short = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/**
 * Reads an embed page's query against the widget's catalogue entry: numbers checked to be numbers (the
 * widget clamps them and says so by its control), choices checked, unknown names ignored with a note. Nothing here is ever inserted as HTML.
 * The notes are in the language `t` speaks (the page's, once lang= has set it).
 */
export function readEmbedQuery(widget: WidgetEntry, query: URLSearchParams, t: Translate = english): EmbedSettings {
  const settings: EmbedSettings = { attributes: [], hide: [], theme: null, lang: null, notes: [] };
  const inputs = new Map(widget.inputs.map((input) => [input.name, input]));
  const controls = new Set((widget.controls ?? []).map((c) => c.name));
  for (const [name, value] of query) {
    if (name === 'theme') {
      if (value === 'light' || value === 'dark') settings.theme = value;
      else settings.notes.push(t('embed.themeProblem', { value: short(value) }));
    } else if (name === 'lang') {
      settings.lang = matchLanguage(value);
      if (!settings.lang) settings.notes.push(t('embed.langProblem', { value: short(value), languages: LANGUAGES.join(', ') }));
    } else if (name === 'hide') {
      for (const control of value.split(',').map((c) => c.trim()).filter(Boolean)) {
        if (controls.has(control)) settings.hide.push(control);
        else settings.notes.push(t('embed.noControl', { name: short(control) }));
      }
    } else if (inputs.has(name)) {
      const checked = checkInput(inputs.get(name)!, value, t);
      if (checked.value !== null) settings.attributes.push([inputs.get(name)!.attribute ?? name, checked.value]);
      if (checked.note) settings.notes.push(checked.note);
    } else {
      settings.notes.push(t('embed.unknownSetting', { name: short(name) }));
    }
  }
  return settings;
}

function checkInput(input: WidgetInput, raw: string, t: Translate): { value: string | null; note?: string } {
  const { name, kind = 'text' } = input;
  if (kind === 'integer' || kind === 'number') {
    // A number out of range goes to the widget as written: the widget clamps it and says so beside its own
    // control, where the reader looks, rather than in a note above the frame.
    const trimmed = raw.trim();
    if (!PLAIN_NUMBER.test(trimmed)) return { value: null, note: t('embed.notNumber', { name, value: short(raw) }) };
    return { value: trimmed };
  }
  if (kind === 'choice') {
    const choices = input.choices ?? [];
    return choices.includes(raw) ? { value: raw } : { value: null, note: t('embed.notChoice', { name, value: short(raw), choices: choices.join(', ') }) };
  }
  return raw.length <= MAX_TEXT ? { value: raw } : { value: null, note: t('embed.tooLong', { name, max: MAX_TEXT }) };
}
