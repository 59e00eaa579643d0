/**
 * Every widget and the inputs it takes: the one source of truth that embed pages validate their query
 * against and that the instructors' page lists. Inputs are attributes of the custom element.
 */
export interface WidgetInput {
  name: string;
  description: string;
  example: string;
}

export interface WidgetEntry {
  tag: string;
  title: string;
  description: string;
  inputs: WidgetInput[];
}

export const widgetCatalogue: Record<string, WidgetEntry> = {
  'rank-explorer': {
    tag: 'rankbook-rank-explorer',
    title: 'Rank explorer',
    description: 'Type a matrix, step through its exact row reduction, and rebuild it as C R.',
    inputs: [
      { name: 'matrix', description: 'The matrix, as JSON rows (entries may be strings such as "2/3"), at most 8 × 8.', example: '[[1,2,3],[2,4,6],[3,6,9]]' },
    ],
  },
};

/** Splits a query string into the inputs a widget knows and the names it does not (shown as a note). */
export function inputsFromQuery(widget: WidgetEntry, query: URLSearchParams): { known: [string, string][]; unknown: string[] } {
  const names = new Set(widget.inputs.map((input) => input.name));
  const known: [string, string][] = [];
  const unknown: string[] = [];
  for (const [name, value] of query) {
    if (names.has(name)) known.push([name, value]);
    else unknown.push(name);
  }
  return { known, unknown };
}
