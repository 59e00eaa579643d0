import { WidgetElement, defineWidget, whenReaderNears } from '../widget-element';
import { assetUrl } from '../asset-url';
import { h } from '../dom';
import { loadAdapterIndex } from '../adapter-data';
import { TARGET_GROUPS, type BackendChoice } from '../lora-trainer-settings';
import { buildTrainerView, type SettingName, type TrainerView } from './view';
import { renderTrainer } from './render';
import { TrainerController, type OpenSession } from './controller';
import { applyAttributes, readBackend, setFullRank, setNumber, setTargets, setTask, type TrainerAttributes } from './controls';
import { exportAdapter, importAdapter, toggleMerge } from './adapter';
import type { LoraTrainerState } from './state';
import { restoreOwnList, setKeepOwnList, useOwnList, useOwnListFile, type OwnListStore } from './own-list';
import { withTranslator, type Translate } from '../../i18n/translate';

export type { LoraTrainerState };

const KEPT_LIST = 'rankbook.lora-trainer.own-list';

/** localStorage for "keep it", or null where the browser has it turned off (reading it may throw). */
function ownListStore(): OwnListStore | null {
  try {
    const storage = window.localStorage;
    return { load: () => storage.getItem(KEPT_LIST), save: (text) => storage.setItem(KEPT_LIST, text), clear: () => storage.removeItem(KEPT_LIST) };
  } catch {
    return null;
  }
}

const ATTRIBUTES = ['r', 'alpha', 'targets', 'lr', 'steps', 'task', 'backend'] as const;

/** tfjs and the model load by dynamic import, so only a page that trains pays for them. */
const sessionOpener = (t: () => Translate): OpenSession => async (backend, lora, seed) => {
  const { TrainerSession } = await import('./session');
  return TrainerSession.open({
    backend, lora, seed, t: t(),
    manifestUrl: assetUrl('models/base/manifest.json'),
    wordListUrl: (task) => assetUrl(`models/corpora/${task}.json`),
  });
};

/**
 * `<rankbook-lora-trainer r="8" alpha="8" targets="Wq,Wv" lr="0.01" steps="300" task="dinosaurs" backend="auto">`:
 * fine-tunes the tiny character GPT with LoRA in the browser, beside a full fine-tune, and merges, saves and loads
 * the adapter. The element is a view: it turns attributes and control events into TrainerController commands and
 * renders the controller's snapshot once per change (batched to a microtask). tfjs loads when the widget first
 * comes into view or Train is pressed.
 */
export class LoraTrainer extends WidgetElement<LoraTrainerState> {
  static observedAttributes = [...ATTRIBUTES];
  private view!: TrainerView;
  private trainer!: TrainerController;
  private observer: IntersectionObserver | null = null;
  private queued = false;

  connectedCallback(): void {
    if (this.view) {
      this.observe();
      return;
    }
    if (this.trainer) return; // its catalogue is on its way
    // The controller exists at once (el.state is there from the start); the view waits for the page's language
    // and, in a lesson, for the reader to near it.
    const trainer: TrainerController = new TrainerController({ requestUpdate: () => this.requestUpdate(), announce: (m) => this.announce(m) },
      sessionOpener(() => trainer.t), loadAdapterIndex);
    this.trainer = trainer;
    whenReaderNears(this, () => withTranslator(this, (t) => {
      trainer.t = t;
      this.view = buildTrainerView({
        train: () => void trainer.train('lora'), full: () => void trainer.train('full'), pause: () => trainer.pause('button'),
        reset: () => void trainer.reset(true), fullRank: () => setFullRank(trainer), merge: () => void toggleMerge(trainer),
        download: () => this.download(), resample: () => void this.resample(), setting: (name, live) => this.readControl(name, live),
        file: () => void this.loadFile(),
        useList: () => void useOwnList(trainer, this.view.inputs.list.value, { origin: 'pasted', select: true, store: ownListStore() }),
        listFile: () => void this.loadListFile(),
        keepList: () => setKeepOwnList(trainer, this.view.inputs.keepList.checked, ownListStore()),
      }, t);
      this.replaceChildren(this.view.root, this.createLiveRegion());
      applyAttributes(trainer, this.attributeText());
      restoreOwnList(trainer, ownListStore());
      if (trainer.snapshot.ownList) this.view.inputs.list.value = trainer.snapshot.ownList.text;
      this.requestUpdate();
      if (this.isConnected) this.observe();
    }));
  }

  /** Loads when the trainer comes into view, and pauses while it is out of view. */
  private observe(): void {
    this.observer?.disconnect();
    this.observer = new IntersectionObserver((entries) => this.trainer.setVisible(entries.some((e) => e.isIntersecting)));
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.view) this.trainer.dispose();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.view && value !== old) applyAttributes(this.trainer, this.attributeText());
  }

  protected currentState(): LoraTrainerState {
    return this.trainer.state;
  }

  private attributeText(): TrainerAttributes {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)])) as TrainerAttributes;
  }

  /** One render and one change event per batch of controller updates. */
  private requestUpdate(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.view) renderTrainer(this.view, this.trainer.state, this.trainer.t);
      this.emitChange();
    });
  }

  private readControl(name: SettingName | 'temperature', live: boolean): void {
    const { inputs, targets } = this.view;
    const trainer = this.trainer;
    if (name === 'temperature') {
      trainer.update({ temperature: Number(inputs.temperature.value) });
      if (!live) void this.resample();
    } else if (name === 'targets') {
      setTargets(trainer, TARGET_GROUPS.filter((g) => targets[g].checked));
    } else if (name === 'task') {
      setTask(trainer, inputs.task.value);
    } else if (name === 'backend') {
      void trainer.setBackend(readBackend(inputs.backend.value, trainer.t).value as BackendChoice);
    } else {
      setNumber(trainer, name, inputs[name].value, live);
    }
    if (!live && name !== 'temperature' && name !== 'backend') this.announce(this.view.parts.counts.textContent ?? '');
  }

  private async resample(): Promise<void> {
    const trainer = this.trainer;
    const session = trainer.session;
    if (!session || trainer.running) return;
    const { temperature, curves } = trainer.snapshot;
    await trainer.enqueue('sampling', async () => {
      const before = await session.samples('base', temperature);
      const after = curves.lora.step > 0 || curves.lora.offset > 0 ? await session.samples('lora', temperature) : before.slice();
      const full = curves.full.step > 0 ? await session.samples('full', temperature) : [];
      trainer.update({ samples: { before, after, afterStep: curves.lora.step, full, temperature } });
    });
    this.announce(trainer.t('trainer.newSamples', { temperature, names: trainer.snapshot.samples.after.slice(0, 3).join(trainer.t('trainer.listSeparator')) }));
  }

  private download(): void {
    const file = exportAdapter(this.trainer);
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: 'application/octet-stream' }));
    const a = h('a', { href: url, download: file.name, hidden: true });
    this.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async loadListFile(): Promise<void> {
    const input = this.view.inputs.listFile;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (await useOwnListFile(this.trainer, file, ownListStore())) this.view.inputs.list.value = this.trainer.snapshot.ownList?.text ?? '';
    } finally {
      input.value = '';
    }
  }

  private async loadFile(): Promise<void> {
    const input = this.view.inputs.file;
    const file = input.files?.[0];
    if (!file) return;
    try {
      await importAdapter(this.trainer, file.name, () => file.arrayBuffer());
    } finally {
      input.value = '';
    }
  }
}

defineWidget('rankbook-lora-trainer', LoraTrainer);
