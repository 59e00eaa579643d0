/**
 * The SCORM 1.2 run-time API as a launch page uses it: find the LMS's `API` object (the specification's
 * discovery: this window's parents, up to 7 levels, then the opener's), then report score and status.
 */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

function searchParents(start: Window): Scorm12Api | null {
  let win: Window = start;
  for (let hops = 0; hops <= 7; hops++) {
    try {
      const api = (win as unknown as { API?: Scorm12Api }).API;
      if (api) return api;
    } catch { /* a window of another origin: keep climbing */ }
    if (!win.parent || win.parent === win) break;
    win = win.parent;
  }
  return null;
}

export function findScormApi(win: Window = window): Scorm12Api | null {
  return searchParents(win) ?? (win.opener ? searchParents(win.opener as Window) : null);
}

export interface ScormReport {
  solved: number;
  attempted: number;
  total: number;
}

/** cmi.core.lesson_status for a report: passed when all are solved, completed once all are tried. */
export function lessonStatus({ solved, attempted, total }: ScormReport): 'passed' | 'completed' | 'incomplete' {
  if (total > 0 && solved === total) return 'passed';
  return attempted === total ? 'completed' : 'incomplete';
}

/** A session with the LMS: errors are read back with LMSGetLastError and kept, never thrown at the reader. */
export class ScormSession {
  errors: string[] = [];
  private open = false;

  constructor(private api: Scorm12Api) {}

  start(): boolean {
    this.open = this.call(() => this.api.LMSInitialize(''), 'LMSInitialize');
    if (this.open && this.api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') this.set('cmi.core.lesson_status', 'incomplete');
    return this.open;
  }

  get(element: string): string {
    return this.open ? this.api.LMSGetValue(element) : '';
  }

  report(report: ScormReport): void {
    if (!this.open) return;
    this.set('cmi.core.score.min', '0');
    this.set('cmi.core.score.max', '100');
    this.set('cmi.core.score.raw', String(Math.round((100 * report.solved) / Math.max(1, report.total))));
    this.set('cmi.core.lesson_status', lessonStatus(report));
    this.call(() => this.api.LMSCommit(''), 'LMSCommit');
  }

  set(element: string, value: string): void {
    if (this.open) this.call(() => this.api.LMSSetValue(element, value), `LMSSetValue(${element})`);
  }

  finish(): void {
    if (!this.open) return;
    this.call(() => this.api.LMSCommit(''), 'LMSCommit');
    this.call(() => this.api.LMSFinish(''), 'LMSFinish');
    this.open = false;
  }

  private call(fn: () => string, what: string): boolean {
    const ok = fn() === 'true';
    if (!ok) {
      const code = this.api.LMSGetLastError();
      this.errors.push(`${what}: ${code} ${this.api.LMSGetErrorString(code)}`);
    }
    return ok;
  }
}
