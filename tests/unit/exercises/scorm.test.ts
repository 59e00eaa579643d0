import { describe, expect, it } from 'vitest';
import { lessonExercises, LESSONS } from '../../../src/exercises/catalogue';
import { ScormSession, findScormApi, lessonStatus, type Scorm12Api } from '../../../src/widgets/exercise/scorm-api';
import { scormManifest } from '../../../scripts/scorm/manifest';
import { zip } from '../../../scripts/scorm/zip';
import { launchPage } from '../../../scripts/scorm';
import { installScorm12Api } from '../../e2e/scorm12-api';
import { readZip } from './read-zip';
import { find, parseXml } from './xml';


describe('SCORM 1.2 manifest', () => {
  const files = ['index.html', 'exercises.js', 'rankbook.css'];
  const xml = scormManifest({ identifier: 'rankbook-01-rank', title: 'Lesson 1 & <rank>', launch: 'index.html', files, masteryScore: 80 });
  const manifest = parseXml(xml);

  it('is well-formed and declares ADL SCORM 1.2 with the content-packaging namespaces', () => {
    expect(manifest.name).toBe('manifest');
    expect(manifest.attributes.xmlns).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(manifest.attributes['xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
    expect(find(manifest, 'schema')[0].text).toBe('ADL SCORM');
    expect(find(manifest, 'schemaversion')[0].text).toBe('1.2');
    expect(find(manifest, 'title')[0].text).toBe('Lesson 1 &amp; &lt;rank&gt;');
  });

  it('points its default organization and item at one SCO resource listing every file', () => {
    const organizations = find(manifest, 'organizations')[0];
    const organization = find(organizations, 'organization');
    expect(organization.map((o) => o.attributes.identifier)).toContain(organizations.attributes.default);
    const item = find(organization[0], 'item')[0];
    const resources = find(manifest, 'resource');
    const sco = resources.find((r) => r.attributes.identifier === item.attributes.identifierref)!;
    expect(sco.attributes['adlcp:scormtype']).toBe('sco');
    expect(sco.attributes.type).toBe('webcontent');
    expect(sco.attributes.href).toBe('index.html');
    expect(find(sco, 'file').map((f) => f.attributes.href)).toEqual(files);
    expect(Number(find(item, 'adlcp:masteryscore')[0].text)).toBe(80);
    const ids = [manifest, ...find(manifest, 'organization'), ...find(manifest, 'item'), ...resources].map((n) => n.attributes.identifier);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('zip writer', () => {
  it('round-trips stored and deflated files with their CRCs', () => {
    const text = Buffer.from('rank '.repeat(500));
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    const files = readZip(zip([{ name: 'a/index.html', data: text }, { name: 'noise.bin', data: random }, { name: 'empty.txt', data: Buffer.alloc(0) }]));
    expect(files.get('a/index.html')).toEqual(text);
    expect(files.get('noise.bin')).toEqual(random);
    expect(files.get('empty.txt')?.length).toBe(0);
  });

});

describe('launch page', () => {
  it('lists the lesson’s exercises but not its widget tasks, with a classic script', () => {
    const page = launchPage('03-svd-compression', 'Lesson 3', '{}');
    expect(page).toContain('exercise="psnr"');
    expect(page).not.toContain('exercise="psnr-cat"');
    expect(page).toMatch(/<script src="exercises.js"><\/script>/);
    expect(page).not.toMatch(/type="module"/);
  });
});

describe('SCORM run-time, against an API written to the specification', () => {
  const lms = () => {
    const host: Record<string, unknown> = {};
    installScorm12Api(host);
    return host as { API: Scorm12Api; scormLog: string[]; scormCommits: Record<string, string>[] };
  };

  it('finds the API in a parent window, and in the opener’s', () => {
    const top = { ...lms() } as unknown as Window & { parent: Window };
    (top as { parent: unknown }).parent = top;
    const middle = { parent: top } as unknown as Window;
    const frame = { parent: middle } as unknown as Window;
    expect(findScormApi(frame)).toBe((top as unknown as { API: unknown }).API);
    const orphan = { parent: null, opener: frame } as unknown as Window;
    expect(findScormApi(orphan)).toBe((top as unknown as { API: unknown }).API);
    const alone = {} as Window;
    expect(findScormApi(alone)).toBeNull();
  });

  it('initialises, reports score and status, commits and finishes without errors', () => {
    const host = lms();
    const session = new ScormSession(host.API);
    expect(session.start()).toBe(true);
    expect(host.API.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    session.report({ solved: 1, attempted: 2, total: 4 });
    expect(host.scormCommits.at(-1)).toMatchObject({ 'cmi.core.score.raw': '25', 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.max': '100' });
    session.report({ solved: 4, attempted: 4, total: 4 });
    expect(host.scormCommits.at(-1)).toMatchObject({ 'cmi.core.score.raw': '100', 'cmi.core.lesson_status': 'passed' });
    session.finish();
    expect(session.errors).toEqual([]);
    expect(host.scormLog.at(-1)).toBe('LMSFinish("")');
    expect(host.API.LMSSetValue('cmi.core.score.raw', '1')).toBe('false');
    expect(host.API.LMSGetLastError()).toBe('301');
  });

  it('the test API enforces the specification’s errors', () => {
    const { API } = lms();
    expect(API.LMSSetValue('cmi.core.score.raw', '5')).toBe('false');
    expect(API.LMSGetLastError()).toBe('301');
    expect(API.LMSInitialize('x' as '')).toBe('false');
    expect(API.LMSGetLastError()).toBe('201');
    expect(API.LMSInitialize('')).toBe('true');
    expect(API.LMSInitialize('')).toBe('false');
    expect(API.LMSGetLastError()).toBe('101');
    expect(API.LMSSetValue('cmi.core.student_id', 'x')).toBe('false');
    expect(API.LMSGetErrorString(API.LMSGetLastError())).toBe('Element is read only');
    expect(API.LMSSetValue('cmi.core.score.raw', '101')).toBe('false');
    expect(API.LMSGetLastError()).toBe('405');
    expect(API.LMSSetValue('cmi.core.lesson_status', 'not attempted')).toBe('false');
    expect(API.LMSGetValue('cmi.core.exit')).toBe('');
    expect(API.LMSGetLastError()).toBe('404');
    expect(API.LMSGetValue('cmi.core.score._children')).toBe('raw,min,max');
    expect(API.LMSSetValue('cmi.nothing', '1')).toBe('false');
    expect(API.LMSGetLastError()).toBe('401');
    expect(API.LMSGetDiagnostic('401')).toMatch(/does not know/);
  });

  it('status: passed when all are solved, completed once all are tried', () => {
    expect(lessonStatus({ solved: 4, attempted: 4, total: 4 })).toBe('passed');
    expect(lessonStatus({ solved: 2, attempted: 4, total: 4 })).toBe('completed');
    expect(lessonStatus({ solved: 2, attempted: 3, total: 4 })).toBe('incomplete');
  });
});
