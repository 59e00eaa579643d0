/** A fake tfjs session for TrainerController's tests, and a controller over it. */
import { TrainerController, type SessionPort } from '../../../../src/widgets/lora-trainer/controller';
import { DEFAULT_MODEL_CONFIG, type LoraConfig } from '../../../../src/lora/config';
import type { StepReport } from '../../../../src/lora/train';

/** Resolves when the test says so: a promise with its resolve handle. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A session whose training steps happen only when the test calls step() (as Lit's tests resolve a task). */
export function fakeSession(sampleDelayMs = 0) {
  const pending: Array<(report: StepReport) => void> = [];
  const calls: string[] = [];
  let total = 0;
  let done = 0;
  let paused = false;
  let cancelled = false;
  let configured: { lora: LoraConfig | null; seed: number } = { lora: null, seed: 1 };
  let own: { hash: string; words: readonly string[] } | null = null;
  const session: SessionPort & { step(): Promise<void>; calls: string[]; readonly paused: boolean } = {
    backend: 'wasm', notice: '', modelConfig: DEFAULT_MODEL_CONFIG, merged: false,
    get loraConfig() { return configured.lora!; },
    get loraSeed() { return configured.seed; },
    get paused() { return paused; },
    calls,
    async useTask(task) {
      if (task === 'own' && !own) throw new Error('no list');
      if (task === 'own') calls.push(`useTask own ${own!.words.length}`);
      return { baseValLoss: task === 'own' ? 3.1 : 2.7 };
    },
    setOwnWords(list) { own = list; },
    configure(lora, seed) { configured = { lora, seed }; calls.push(`configure r=${lora.r} seed=${seed}`); },
    async run(mode, settings) {
      calls.push(`run ${mode} steps=${settings.steps} batch=${settings.batchSize}`);
      total = settings.steps;
      cancelled = false;
      return (async function* () {
        while (done < total && !cancelled) {
          const report = await new Promise<StepReport>((resolve) => pending.push(resolve));
          if (cancelled) return;
          yield report;
        }
      })();
    },
    setTotalSteps(steps) { total = steps; },
    pause() { paused = true; },
    resume() { paused = false; },
    cancel() { cancelled = true; pending.splice(0).forEach((resolve) => resolve({} as StepReport)); },
    async samples(which) {
      calls.push(`samples ${which}`);
      if (sampleDelayMs) await new Promise((resolve) => setTimeout(resolve, sampleDelayMs));
      return Array.from({ length: 10 }, (_, i) => `${which}-${done}-${i}`); },
    async merge() { throw new Error('not in this test'); },
    unmerge() {},
    differenceFromBase() { return 0; },
    exportAdapter() { return new Uint8Array(); },
    readAdapter() { throw new Error('not in this test'); },
    applyAdapter() { throw new Error('not in this test'); },
    liveTensors() { return 7; },
    dispose() { calls.push('dispose'); },
    /** Finishes the step under way, unless paused (the real trainer would wait before the next). */
    async step() {
      while (pending.length === 0) await settle();
      done++;
      pending.shift()!({ step: done, totalSteps: total, trainLoss: 3 - done / 10, valLoss: done % 5 === 0 ? 2.5 : null, stepsPerSecond: 10, elapsedMs: 100 * done });
      await settle();
    },
  };
  return session;
}

export function setup(options: { open?: Promise<void>; sampleDelayMs?: number } = {}) {
  const session = fakeSession(options.sampleDelayMs);
  const announced: string[] = [];
  let updates = 0;
  const opened: string[] = [];
  const trainer = new TrainerController(
    { requestUpdate: () => updates++, announce: (m) => announced.push(m) },
    async (backend) => {
      opened.push(backend);
      await options.open;
      return session;
    },
  );
  return { trainer, session, announced, opened, updates: () => updates };
}
