/**
 * Every widget and the inputs it takes: the one source of truth that embed pages validate their query
 * against and that the instructors' page lists. Inputs are attributes of the custom element.
 */
export interface WidgetInput {
  name: string;
  description: string;
  example: string;
  /** How an embed page checks the value before handing it on: numbers are clamped, choices must match. */
  kind?: 'integer' | 'number' | 'choice' | 'text';
  min?: number;
  max?: number;
  choices?: string[];
}

/** A part of a widget that an embed page can hide with `hide=name` (marked data-control="name"). */
export interface WidgetControl {
  name: string;
  description: string;
}

export interface WidgetEntry {
  tag: string;
  title: string;
  description: string;
  inputs: WidgetInput[];
  controls?: WidgetControl[];
  /** A fixed iframe height, in pixels, that shows the widget whole when the host does not resize it. */
  embedHeight?: number;
}

export const widgetCatalogue: Record<string, WidgetEntry> = {
  'rank-explorer': {
    tag: 'rankbook-rank-explorer',
    title: 'Rank explorer',
    description: 'Type a matrix, step through its exact row reduction, and rebuild it as C R.',
    embedHeight: 980,
    inputs: [
      { name: 'matrix', kind: 'text', description: 'The matrix, as JSON rows (entries may be strings such as "2/3"), at most 8 × 8.', example: '[[1,2,3],[2,4,6],[3,6,9]]' },
    ],
    controls: [
      { name: 'presets', description: 'the “Start from” examples' },
      { name: 'size', description: 'the buttons that add and remove rows and columns' },
      { name: 'paste', description: 'the “Paste a matrix” box' },
      { name: 'steps', description: 'the step-by-step row reduction' },
      { name: 'factorisation', description: 'M = C R and the storage count' },
    ],
  },
};
