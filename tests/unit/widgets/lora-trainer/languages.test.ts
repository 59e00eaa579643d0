import { describe, it, expect } from 'vitest';
import { translator } from '../../../../src/i18n/translate';
import { de } from '../../../../src/i18n/messages/de';
import { vi } from '../../../../src/i18n/messages/vi';
import { zhCN } from '../../../../src/i18n/messages/zh-CN';
import { RULES, formatBytes, formatPercent, groupsInWords, readNumber } from '../../../../src/widgets/lora-trainer-settings';
import { backendNotice } from '../../../../src/widgets/tf-backend-choice';
import { classifyRenderer } from '../../../../src/widgets/tf-backend-detect';
import { cleaningHeadline, useOwnList } from '../../../../src/widgets/lora-trainer/own-list';
import { decodeAdapterFile, AdapterFileError } from '../../../../src/widgets/adapter-file';
import { TINY_MODEL_CONFIG } from '../../../../src/lora/config';
import { cleanEntries } from '../../../../src/lora/word-list';
import { setup } from './fake-session';

// The trainer's words in the reader's language: the same figures, written as German, Vietnamese and Chinese write them.
const german = translator('de', de);

describe('the trainer in other languages', () => {
  it('reads a setting and says why it changed it in German, with German numbers', () => {
    expect(readNumber('0.5', RULES.lr, 0.01, german)).toEqual({ value: 0.3, message: 'Lernrate “0.5” liegt über dem Bereich 0,00001–0,3, daher wird 0,3 verwendet.' });
    expect(formatPercent(8192, 406_044, 'de')).toBe('2,02\u00a0%');
    expect(formatBytes(8 * 406_044, german)).toBe('3,1 MiB');
    expect(groupsInWords(['Wq', 'Wv', 'MLP'], german)).toBe('Wq, Wv und dem MLP');
  });

  it('explains the backend in German, the reason fitted into the sentence', () => {
    const software = classifyRenderer({ hardwareContext: true, renderer: 'SwiftShader Device', probeMs: null }, german);
    expect(backendNotice('auto', 'wasm', [], software, german)).toBe('Läuft mit WebAssembly (auf dem Prozessor), weil WebGL hier in Software gezeichnet wird (SwiftShader); WebGL würde hier um ein Mehrfaches langsamer trainieren als WebAssembly.');
  });

  it('counts what the cleaning did in Chinese and Vietnamese', () => {
    const c = cleanEntries(['Zürich', 'Genève', 'Bern', 'Bern', '1984'], 16);
    expect(cleaningHeadline(c, c.words.length, translator('zh-CN', zhCN))).toBe('保留 3 个名字，去掉 1 个：没有 a–z 字母，删除 1 个重复项，改写 2 个字符，去掉 4 个字符');
    expect(cleaningHeadline(c, c.words.length, translator('vi', vi))).toBe('giữ 3 tên, bỏ 1: không có chữ cái a–z, xoá 1 mục trùng, đổi 2 ký tự, bỏ 4 ký tự');
  });

  it('keeps its messages in the language it was given: el.state says what the reader reads', async () => {
    const { trainer } = setup();
    trainer.t = german;
    useOwnList(trainer, 'Anna\nBen', { origin: 'pasted', select: true });
    expect(trainer.state.messages.list).toMatch(/^Der eingefügte Text ergibt 2 verwendbare Wörter \(2 Namen behalten, 0 Zeichen geändert\); der Trainer braucht mindestens 30/);
  });

  it('says why an adapter file was refused in any language, English in its message', () => {
    let error: unknown;
    try {
      decodeAdapterFile(new TextEncoder().encode('{"not": "an adapter"}'), TINY_MODEL_CONFIG);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdapterFileError);
    expect((error as AdapterFileError).message).toMatch(/^That is a JSON file; .*“Download adapter” button saves\.$/);
    expect((error as AdapterFileError).words(german)).toMatch(/^Das ist eine JSON-Datei; .*Knopf „Adapter herunterladen“ speichert\.$/);
  });
});
