/**
 * What the reader does with the adapter once trained: merge it into W₀ (and time the three forward passes),
 * save it as an .rblora file, or load one, which replaces the settings and the LoRA curve with the file's.
 */
import { h } from './dom';
import { setMessage } from './widget-element';
import { count, ms } from './lora-trainer-render';
import { formatBytes, groupsInWords, type Task } from './lora-trainer-settings';
import type { AdapterFile } from './adapter-file';
import type { TrainerHost } from './lora-trainer-host';

export async function toggleMerge(t: TrainerHost): Promise<void> {
  const session = t.session;
  if (!session || t.status === 'training' || t.status === 'paused') return;
  if (session.merged) {
    await t.enqueue('unmerging', async () => {
      session.unmerge();
      t.mergeResult = null;
    });
    t.announce('Unmerged: W₀ is the base weight again and B A runs beside it.');
    return;
  }
  try {
    const m = await t.enqueue('merging and timing', () => session.merge(t.settings.task));
    t.mergeResult = m;
    t.render();
    t.emitChange();
    t.announce(`Merged. Largest change in any output: ${m.maxAbsDiff.toExponential(1)}. Latency: base ${ms(m.latencyMs.base)}, ` +
      `unmerged ${ms(m.latencyMs.unmerged)}, merged ${ms(m.latencyMs.merged)}.`);
  } catch (e) {
    t.fail(`Merging failed: ${(e as Error).message}`);
  }
}

export function download(t: TrainerHost): void {
  const session = t.session;
  if (!session) return;
  const bytes = session.exportAdapter({
    task: t.settings.task, steps: t.lora.step, learningRate: t.settings.lr,
    trainLoss: t.lora.train, valLoss: t.lora.val, createdBy: 'Rankbook LoRA trainer',
  });
  const { r, targets } = t.settings;
  const name = `rankbook-lora-${t.settings.task}-r${r}-${targets.join('-').toLowerCase()}-step${t.lora.step}.rblora`;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  const a = h('a', { href: url, download: name, hidden: true });
  t.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  t.view.parts.fileResult.textContent = `Saved ${name}: ${formatBytes(bytes.byteLength)} (${count(t.trainableParams())} numbers in float32, plus a short description).`;
  t.announce(t.view.parts.fileResult.textContent);
}

/** The one step that changes the trainer: model, settings and curves from a file that passed every check. */
function applyAdapter(t: TrainerHost, plan: AdapterFile, task: Task): void {
  const { metadata } = plan;
  t.session!.applyAdapter(plan);
  t.mergeResult = null;
  t.settings = { ...t.settings, r: metadata.r, alpha: metadata.alpha, targets: metadata.targets, task, steps: Math.max(t.settings.steps, metadata.steps) };
  t.lora = { train: metadata.train, val: metadata.val, step: metadata.steps, offset: metadata.steps };
  t.full = { train: [], val: [], step: 0 };
}

/** Reads the chosen file; a bad one leaves everything as it was and says why next to the control. */
export async function loadFile(t: TrainerHost): Promise<void> {
  const input = t.view.inputs.file;
  const file = input.files?.[0];
  if (!file) return;
  setMessage(t.view.messages.file, '', input);
  if (t.status === 'training' || t.status === 'paused') {
    setMessage(t.view.messages.file, 'Pause and Reset training before loading an adapter.', input);
    return;
  }
  const session = t.session ?? (await t.open());
  if (!session) return;
  let applied = false;
  try {
    const bytes = await file.arrayBuffer();
    const loaded = await t.enqueue('loading the adapter', async () => {
      // The whole file is checked first, and the file's task words fetched, so a refusal changes nothing.
      const plan = session.readAdapter(bytes);
      const task = plan.metadata.task ?? t.settings.task;
      await session.useTask(task);
      applyAdapter(t, plan, task);
      applied = true;
      await t.prepareTask(session);
      t.samples.after = await session.samples('lora', t.temperature);
      return { name: file.name, steps: plan.metadata.steps, lora: plan.lora };
    });
    for (const m of Object.values(t.view.messages)) setMessage(m, '');
    t.view.parts.fileResult.textContent = `Loaded ${loaded.name}: rank ${loaded.lora.r}, alpha ${loaded.lora.alpha}, on ${groupsInWords(t.settings.targets)}` +
      `${loaded.steps ? `, trained ${count(loaded.steps)} steps` : ''}. The samples below come from it.`;
    t.setStatus(t.lora.step >= t.settings.steps ? 'done' : 'ready');
    t.announce(t.view.parts.fileResult.textContent);
  } catch (e) {
    const message = `${(e as Error).message}${applied ? '' : ' Nothing was changed.'}`;
    setMessage(t.view.messages.file, message, input);
    t.announce(`That file could not be loaded. ${message}`);
  } finally {
    input.value = '';
    t.render();
    t.emitChange();
  }
}
