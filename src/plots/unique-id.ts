let nextId = 0;
/** A page-unique id for label/for and aria-describedby pairs (several widgets and plots can share a page). */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `rb-${prefix}-${nextId}`;
}
