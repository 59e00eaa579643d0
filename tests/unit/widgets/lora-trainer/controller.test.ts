import { describe, it, expect } from 'vitest';
import { TrainerController } from '../../../../src/widgets/lora-trainer/controller';
import { gate, settle, setup } from './fake-session';

describe('TrainerController', () => {
  it('starts idle with the shipped recipe as its settings and no session', () => {
    const { trainer } = setup();
    expect(trainer.snapshot.phase).toEqual({ kind: 'idle' });
    expect(trainer.state).toMatchObject({ status: 'idle', r: 8, alpha: 8, targets: ['Wq', 'Wv'], steps: 300, lr: 0.01, backend: null, trainableParams: 8192 });
  });

  it('open() goes idle -> loading -> ready and draws the base model\'s samples', async () => {
    const gateOpen = gate();
    const { trainer, session } = setup({ open: gateOpen.promise });
    const opening = trainer.open();
    expect(trainer.snapshot.phase.kind).toBe('loading');
    gateOpen.open();
    await opening;
    expect(trainer.snapshot.phase.kind).toBe('ready');
    expect(trainer.state.samplesBefore).toHaveLength(10);
    expect(trainer.state.samplesAfter).toEqual(trainer.state.samplesBefore);
    expect(trainer.state.valLoss).toEqual([2.7]);
    expect(trainer.state.readySeconds).toBeGreaterThanOrEqual(0);
    expect(session.calls).toContain('samples base');
  });

  it('train() runs the recipe\'s batch size and records each step', async () => {
    const { trainer, session } = setup();
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 3 } });
    const run = trainer.train('lora');
    await session.step();
    expect(trainer.snapshot.phase).toEqual({ kind: 'training', run: 'lora' });
    expect(session.calls).toContain('run lora steps=3 batch=64');
    await session.step();
    await session.step();
    await run;
    expect(trainer.snapshot.phase).toEqual({ kind: 'done', run: 'lora' });
    expect(trainer.state).toMatchObject({ step: 3, trainLoss: [2.9, 2.8, 2.7], backendRates: { wasm: 10 } });
    expect(trainer.state.samplesAfter[0]).toBe('lora-3-0');
    expect(trainer.state.samplesAfterStep).toBe(3);
  });

  it('pause mid-step: the step under way is recorded, then nothing moves until resume', async () => {
    const { trainer, session } = setup();
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 10 } });
    const run = trainer.train('lora');
    await session.step();
    trainer.pause('button');
    expect(trainer.snapshot.phase).toEqual({ kind: 'paused', run: 'lora', by: 'button' });
    expect(trainer.state).toMatchObject({ status: 'paused', pausedBy: 'button', run: 'lora' });
    expect(session.paused).toBe(true);
    await session.step(); // the step that was in flight when Pause came
    expect(trainer.state.step).toBe(2);
    expect(trainer.snapshot.phase.kind).toBe('paused');
    trainer.resume();
    expect(trainer.snapshot.phase).toEqual({ kind: 'training', run: 'lora' });
    expect(session.paused).toBe(false);
    for (let i = 0; i < 8; i++) await session.step();
    await run;
    expect(trainer.snapshot.phase).toEqual({ kind: 'done', run: 'lora' });
  });

  it('a second Train press while the first is starting does nothing', async () => {
    const gateOpen = gate();
    const { trainer, session, opened } = setup({ open: gateOpen.promise });
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 2 } });
    const first = trainer.train('lora');
    const second = trainer.train('lora');
    expect(trainer.snapshot.phase).toEqual({ kind: 'starting', run: 'lora' });
    expect(trainer.state.status).toBe('loading');
    await second;
    gateOpen.open();
    await session.step();
    await session.step();
    await first;
    expect(opened).toEqual(['auto']);
    expect(session.calls.filter((c) => c.startsWith('run'))).toHaveLength(1);
    expect(trainer.state.step).toBe(2);
  });

  it('Reset during loading: loading finishes, the pending Train gives up, and the trainer is ready at step 0', async () => {
    const gateOpen = gate();
    const { trainer, session } = setup({ open: gateOpen.promise });
    const run = trainer.train('lora');
    const reset = trainer.reset(true);
    await settle();
    expect(trainer.snapshot.phase.kind).toBe('loading');
    gateOpen.open();
    await Promise.all([run, reset]);
    await settle();
    expect(trainer.snapshot.phase).toEqual({ kind: 'ready' });
    expect(session.calls.some((c) => c.startsWith('run'))).toBe(false);
    expect(trainer.state.step).toBe(0);
  });

  it('Reset during training cancels the run and rebuilds the model: step 0, the base model again', async () => {
    const { trainer, session } = setup();
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 10 } });
    const run = trainer.train('lora');
    await session.step();
    await session.step();
    await trainer.reset(true);
    await run;
    expect(trainer.snapshot.phase).toEqual({ kind: 'ready' });
    expect(trainer.state).toMatchObject({ step: 0, trainLoss: [], valSteps: [0], resetDifference: 0 });
    expect(trainer.state.samplesAfter).toEqual(trainer.state.samplesBefore);
    expect(session.calls.at(-1)).toMatch(/^configure r=8/);
  });

  it('refreshes the "after" samples every few steps while training', async () => {
    const { trainer, session } = setup();
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 20 } });
    const run = trainer.train('lora');
    for (let i = 0; i < 5; i++) await session.step();
    await settle();
    expect(trainer.state.samplesAfterStep).toBe(5);
    expect(trainer.state.samplesAfter[0]).toBe('lora-5-0');
    for (let i = 0; i < 15; i++) await session.step();
    await run;
    expect(trainer.state.samplesAfterStep).toBe(20);
  });

  it('skips refreshes during training that would take more than 8% of the run\'s time, and draws the final samples', async () => {
    const { trainer, session } = setup({ sampleDelayMs: 40 }); // sampling is slow next to these instant steps
    await trainer.open();
    trainer.update({ settings: { ...trainer.snapshot.settings, steps: 12 } });
    const run = trainer.train('lora');
    for (let i = 0; i < 12; i++) await session.step();
    await run;
    expect(session.calls.filter((c) => c === 'samples lora')).toHaveLength(1); // only the one after the run
    expect(trainer.state.samplesAfterStep).toBe(12);
    expect(trainer.state.sampleRefreshShare).toBeNull();
  });

  it('a start that fails is an error phase with the reason in words', async () => {
    const trainer = new TrainerController({ requestUpdate: () => {}, announce: () => {} }, async () => { throw new Error('no WebGL, no wasm'); });
    await trainer.open();
    expect(trainer.snapshot.phase).toEqual({ kind: 'error', message: 'The trainer could not start: no WebGL, no wasm' });
    expect(trainer.state.message).toBe('The trainer could not start: no WebGL, no wasm');
  });

  it('a backend change drops the session and opens a new one on the chosen backend', async () => {
    const { trainer, session, opened } = setup();
    await trainer.open();
    await trainer.setBackend('cpu');
    expect(opened).toEqual(['auto', 'cpu']);
    expect(session.calls).toContain('dispose');
    expect(trainer.state).toMatchObject({ backendChoice: 'cpu', status: 'ready' });
  });

  it('batches nothing itself but asks the host for an update on every change', async () => {
    const { trainer, updates } = setup();
    const before = updates();
    trainer.update({ temperature: 1 });
    expect(updates()).toBe(before + 1);
  });
});
