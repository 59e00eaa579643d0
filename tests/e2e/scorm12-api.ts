/**
 * A SCORM 1.2 run-time API object written from the specification (SCORM 1.2 Run-Time Environment, section 3):
 * the eight LMS* functions, the LMS's states (not initialised, running, finished), the cmi.core elements a
 * content package reports with, their data types and access (read-only, write-only), and the error codes.
 * Self-contained (no imports, no closures over module scope) so Playwright can inject it into a page; unit
 * tests install it on a plain object. `target.scormLog` records every call.
 */
export function installScorm12Api(target: Record<string, unknown>): void {
  const ERRORS: Record<string, [string, string]> = {
    '0': ['No error', 'The last call succeeded.'],
    '101': ['General exception', 'LMSInitialize was called twice, or LMSFinish after the session ended.'],
    '201': ['Invalid argument error', 'The argument must be the empty string, or the element name was empty.'],
    '202': ['Element cannot have children', 'Only elements with _children can be asked for them.'],
    '203': ['Element not an array. Cannot have count.', 'Only arrays have _count.'],
    '301': ['Not initialized', 'Call LMSInitialize("") first.'],
    '401': ['Not implemented error', 'This LMS does not know that data model element.'],
    '402': ['Invalid set value, element is a keyword', '_children and _count cannot be set.'],
    '403': ['Element is read only', 'The LMS sets this element; content may only read it.'],
    '404': ['Element is write only', 'Content may set this element but not read it.'],
    '405': ['Incorrect Data Type', 'The value does not fit the element’s data type or vocabulary.'],
  };
  const decimal0to100 = (v: string) => v === '' || (/^-?\d+(\.\d+)?$/.test(v) && Number(v) >= 0 && Number(v) <= 100);
  type Element = { value: string; access: 'ro' | 'rw' | 'wo'; valid?: (v: string) => boolean; children?: string };
  const data: Record<string, Element> = {
    'cmi.core.student_id': { value: 'student-1', access: 'ro' },
    'cmi.core.student_name': { value: 'Student, Test', access: 'ro' },
    'cmi.core.lesson_location': { value: '', access: 'rw', valid: (v) => v.length <= 255 },
    'cmi.core.credit': { value: 'credit', access: 'ro' },
    'cmi.core.lesson_status': { value: 'not attempted', access: 'rw', valid: (v) => ['passed', 'completed', 'failed', 'incomplete', 'browsed'].includes(v) },
    'cmi.core.entry': { value: 'ab-initio', access: 'ro' },
    'cmi.core.score': { value: '', access: 'ro', children: 'raw,min,max' },
    'cmi.core.score.raw': { value: '', access: 'rw', valid: decimal0to100 },
    'cmi.core.score.min': { value: '', access: 'rw', valid: decimal0to100 },
    'cmi.core.score.max': { value: '', access: 'rw', valid: decimal0to100 },
    'cmi.core.total_time': { value: '0000:00:00.00', access: 'ro' },
    'cmi.core.lesson_mode': { value: 'normal', access: 'ro' },
    'cmi.core.exit': { value: '', access: 'wo', valid: (v) => ['time-out', 'suspend', 'logout', ''].includes(v) },
    'cmi.core.session_time': { value: '', access: 'wo', valid: (v) => /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(v) },
    'cmi.suspend_data': { value: '', access: 'rw', valid: (v) => v.length <= 4096 },
    'cmi.launch_data': { value: '', access: 'ro' },
    'cmi.comments': { value: '', access: 'rw', valid: (v) => v.length <= 4096 },
  };
  const core = 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time';
  let state: 'not initialized' | 'running' | 'finished' = 'not initialized';
  let lastError = '0';
  const log: string[] = [];
  const commits: Record<string, string>[] = [];
  const fail = (code: string) => { lastError = code; return 'false'; };
  const ok = (value = 'true') => { lastError = '0'; return value; };
  target.scormLog = log;
  target.scormCommits = commits;
  target.scormData = data;
  target.API = {
    LMSInitialize(arg: string) {
      log.push(`LMSInitialize(${JSON.stringify(arg)})`);
      if (arg !== '') return fail('201');
      if (state !== 'not initialized') return fail('101');
      state = 'running';
      return ok();
    },
    LMSFinish(arg: string) {
      log.push(`LMSFinish(${JSON.stringify(arg)})`);
      if (arg !== '') return fail('201');
      if (state !== 'running') return fail('301');
      state = 'finished';
      return ok();
    },
    LMSGetValue(element: string) {
      log.push(`LMSGetValue(${JSON.stringify(element)})`);
      if (state !== 'running') { fail('301'); return ''; }
      if (!element) { fail('201'); return ''; }
      if (element === 'cmi.core._children') return ok(core);
      if (element.endsWith('._children')) {
        const parent = data[element.slice(0, -'._children'.length)];
        if (!parent) { fail('401'); return ''; }
        if (!parent.children) { fail('202'); return ''; }
        return ok(parent.children);
      }
      if (element.endsWith('._count')) { fail('203'); return ''; }
      const entry = data[element];
      if (!entry || entry.children) { fail('401'); return ''; }
      if (entry.access === 'wo') { fail('404'); return ''; }
      return ok(entry.value);
    },
    LMSSetValue(element: string, value: string) {
      log.push(`LMSSetValue(${JSON.stringify(element)}, ${JSON.stringify(value)})`);
      if (state !== 'running') return fail('301');
      if (!element) return fail('201');
      if (element.endsWith('._children') || element.endsWith('._count')) return fail('402');
      const entry = data[element];
      if (!entry || entry.children) return fail('401');
      if (entry.access === 'ro') return fail('403');
      if (typeof value !== 'string' || (entry.valid && !entry.valid(value))) return fail('405');
      entry.value = value;
      return ok();
    },
    LMSCommit(arg: string) {
      log.push(`LMSCommit(${JSON.stringify(arg)})`);
      if (arg !== '') return fail('201');
      if (state !== 'running') return fail('301');
      commits.push(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value])));
      return ok();
    },
    LMSGetLastError: () => lastError,
    LMSGetErrorString: (code: string) => ERRORS[code]?.[0] ?? '',
    LMSGetDiagnostic: (code: string) => ERRORS[code === '' ? lastError : code]?.[1] ?? '',
  };
}
