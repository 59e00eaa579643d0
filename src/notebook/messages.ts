/** mathjs's error messages, reworded for a reader where they are terse; anything else passes through. */
export function plainMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const undefinedSymbol = /^Undefined symbol (\S+)/.exec(raw);
  if (undefinedSymbol) return `“${undefinedSymbol[1]}” is not defined: define it in this cell or a cell above.`;
  const undefinedFunction = /^Undefined function (\S+)/.exec(raw);
  if (undefinedFunction) return `There is no function “${undefinedFunction[1]}” in cells.`;
  if (error instanceof SyntaxError) return `This could not be read: ${raw.charAt(0).toLowerCase()}${raw.slice(1)}.`.replace(/\.\.$/, '.');
  if (/Maximum call stack/i.test(raw)) return 'This calls itself too deeply (a function with no way to stop?).';
  if (/No access to|Cannot access method/.test(raw)) return `Refused: ${raw}. Cells cannot reach the page or JavaScript objects.`;
  return raw.endsWith('.') ? raw : `${raw}.`;
}
