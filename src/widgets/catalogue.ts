import { EXERCISES } from '../exercises/catalogue';

/**
 * Every widget and the inputs it takes: the one source of truth that embed pages validate their query
 * against and that the instructors' page lists. Inputs are attributes of the custom element.
 */
export interface WidgetInput {
  name: string;
  description: string;
  example: string;
  /** How an embed page checks the value before handing it on: numbers are clamped, choices must match. */
  kind?: 'integer' | 'number' | 'choice' | 'text';
  min?: number;
  max?: number;
  choices?: string[];
  /** The element attribute the setting goes to, when not its own name (an exercise's `id` is its `exercise`). */
  attribute?: string;
}

/** A part of a widget that an embed page can hide with `hide=name` (marked data-control="name"). */
export interface WidgetControl {
  name: string;
  description: string;
}

export interface WidgetEntry {
  tag: string;
  title: string;
  description: string;
  inputs: WidgetInput[];
  controls?: WidgetControl[];
  /** A fixed iframe height, in pixels, that shows the widget whole when the host does not resize it. */
  embedHeight?: number;
}

export const widgetCatalogue: Record<string, WidgetEntry> = {
  'rank-explorer': {
    tag: 'rankbook-rank-explorer',
    title: 'Rank explorer',
    description: 'Type a matrix, step through its exact row reduction, and rebuild it as C R.',
    embedHeight: 980,
    inputs: [
      { name: 'matrix', kind: 'text', description: 'The matrix, as JSON rows (entries may be strings such as "2/3"), at most 8 × 8.', example: '[[1,2,3],[2,4,6],[3,6,9]]' },
    ],
    controls: [
      { name: 'presets', description: 'the “Start from” examples' },
      { name: 'size', description: 'the buttons that add and remove rows and columns' },
      { name: 'paste', description: 'the “Paste a matrix” box' },
      { name: 'steps', description: 'the step-by-step row reduction' },
      { name: 'factorisation', description: 'M = C R and the storage count' },
    ],
  },
  'rank-geometry': {
    tag: 'rankbook-rank-geometry',
    title: 'Rank as geometry',
    description: 'What a 2 × 2 or 3 × 3 matrix does to the unit square or cube, and the column space it lands in: the whole plane or space, a plane, a line or the origin. Turn the 3-D view by dragging or with the arrow keys.',
    embedHeight: 1000,
    inputs: [
      { name: 'matrix', kind: 'text', description: 'A 2 × 2 or 3 × 3 matrix as JSON rows of numbers.', example: '[[1,2,3],[2,4,6],[3,6,9]]' },
    ],
    controls: [
      { name: 'presets', description: 'the example matrices' },
      { name: 'matrix', description: 'the editable entries' },
      { name: 'turn', description: 'the turn and tilt sliders of the 3-D view' },
    ],
  },
  'factor-shapes': {
    tag: 'rankbook-factor-shapes',
    title: 'M = Lₖ Rₖ, drawn to scale',
    description: 'An m × n matrix beside its factors Lₖ (m × k) and Rₖ (k × n), all at one scale, with the numbers each stores.',
    embedHeight: 620,
    inputs: [
      { name: 'm', kind: 'integer', min: 1, max: 4096, description: 'Rows of M, 1 to 4,096.', example: '12' },
      { name: 'n', kind: 'integer', min: 1, max: 4096, description: 'Columns of M, 1 to 4,096.', example: '8' },
      { name: 'k', kind: 'integer', min: 1, max: 4096, description: 'The inner size (the rank), 1 to min(m, n).', example: '2' },
    ],
    controls: [
      { name: 'sliders', description: 'the m, n and k sliders' },
    ],
  },
  'svd-compressor': {
    tag: 'rankbook-svd-compressor',
    title: 'SVD image compression',
    description: 'Decompose a photo with the SVD and rebuild it from its first k layers, with the singular values, the share of energy kept and the PSNR.',
    embedHeight: 1500,
    inputs: [
      { name: 'image', kind: 'choice', choices: ['astronaut', 'camera', 'coffee', 'chelsea', 'noise'], description: 'Which sample image to open (noise: uniform random pixels).', example: 'astronaut' },
      { name: 'mode', kind: 'choice', choices: ['grey', 'colour'], description: 'One SVD of the grey image, or one per colour channel.', example: 'colour' },
      { name: 'centred', kind: 'choice', choices: ['true', 'false'], description: 'Take each channel’s mean out before the SVD (the default), so energy measures variation rather than brightness.', example: 'true' },
      { name: 'k', kind: 'integer', min: 1, max: 600, description: 'The rank: how many layers rebuild the image (at most the image’s rank).', example: '20' },
    ],
    controls: [
      { name: 'images', description: 'the image chooser and file picker' },
      { name: 'mode', description: 'the grey / colour switch and the centred box' },
      { name: 'views', description: 'the rank-k / original / difference switch' },
      { name: 'thumbnails', description: 'the row of quick ranks' },
      { name: 'plots', description: 'the singular-value and energy plots' },
    ],
  },
  'lora-anatomy': {
    tag: 'rankbook-lora-anatomy',
    title: 'Anatomy of a LoRA layer',
    description: 'W₀ beside B A to scale, the parameter counts, and gradient steps that grow ΔW = B A from zero to fit a planted low-rank change, with its error and singular values.',
    embedHeight: 1250,
    inputs: [
      { name: 'preset', kind: 'choice', choices: ['small', 'gpt3'], description: 'Start from a small 96 × 64 layer or a GPT-3 175B layer (12,288 × 12,288, r = 4); d, k and r override it.', example: 'gpt3' },
      { name: 'd', kind: 'integer', min: 1, max: 12288, description: 'Rows of W0 (its output size), 1 to 12,288.', example: '96' },
      { name: 'k', kind: 'integer', min: 1, max: 12288, description: 'Columns of W0 (its input size), 1 to 12,288.', example: '64' },
      { name: 'r', kind: 'integer', min: 1, max: 256, description: 'The LoRA rank, 1 to min(d, k) (full rank) for layers up to 256 wide; for wider ones as far as a browser can step quickly (104 at 12,288 × 12,288).', example: '8' },
    ],
    controls: [
      { name: 'presets', description: 'the “Start from” buttons' },
      { name: 'sliders', description: 'the d, k and r sliders' },
      { name: 'step', description: 'the training buttons, the ΔW and target heatmaps, and the error and singular-value charts' },
    ],
  },
  'lora-bypass': {
    tag: 'rankbook-lora-bypass',
    title: 'The LoRA bypass',
    description: 'x flows through the frozen W₀ and, beside it, through A (k → r) and B (r → d); the two meet at + to give h. Drag r to change the bottleneck, the parameter count and ΔW = B A, and see the merged W₀ + (α/r) B A.',
    embedHeight: 1300,
    inputs: [
      { name: 'd', kind: 'integer', min: 1, max: 12, description: 'Outputs of the layer (rows of W₀), 1 to 12.', example: '6' },
      { name: 'k', kind: 'integer', min: 1, max: 12, description: 'Inputs of the layer (columns of W₀), 1 to 12.', example: '8' },
      { name: 'r', kind: 'integer', min: 1, max: 12, description: 'The LoRA rank, 1 to min(d, k).', example: '1' },
      { name: 'alpha', kind: 'number', min: 0.125, max: 64, description: 'Alpha: B A is scaled by alpha / r (by default alpha = 2).', example: '2' },
    ],
    controls: [
      { name: 'sliders', description: 'the d, k, r and alpha sliders' },
      { name: 'flow', description: 'the button that sends a vector through both paths' },
      { name: 'merged', description: 'the merged matrix W₀ + (α/r) B A' },
    ],
  },
  'lora-trainer': {
    tag: 'rankbook-lora-trainer',
    title: 'LoRA trainer',
    description: 'Fine-tune a tiny character model with LoRA in the browser, beside full fine-tuning: losses, sample names, merge and latency, adapter files.',
    embedHeight: 1900,
    inputs: [
      { name: 'r', kind: 'integer', min: 1, max: 128, description: 'The LoRA rank, 1 to 128 (128 is full rank for every matrix of the model).', example: '8' },
      { name: 'alpha', kind: 'integer', min: 1, max: 128, description: 'Alpha, 1 to 128: B A is scaled by alpha / r (by default alpha = r).', example: '8' },
      { name: 'targets', kind: 'text', description: 'Which matrices of each block to adapt, comma-separated: Wq, Wk, Wv, Wo, MLP.', example: 'Wq,Wv' },
      { name: 'lr', kind: 'number', min: 0.00001, max: 0.3, description: 'Adam’s learning rate for LoRA, 0.00001 to 0.3 (full fine-tuning always uses 0.0003).', example: '0.01' },
      { name: 'steps', kind: 'integer', min: 1, max: 2000, description: 'How many training steps, 1 to 2,000 (300 by default, as the shipped runs).', example: '100' },
      { name: 'task', kind: 'choice', choices: ['dinosaurs', 'pokemon', 'own'], description: 'Which names to fine-tune on; own opens “your own list”, where each reader pastes a list or chooses a .txt/.csv file (the list itself never comes from the link, and stays in the reader’s browser).', example: 'dinosaurs' },
      { name: 'backend', kind: 'choice', choices: ['auto', 'webgl', 'wasm', 'cpu'], description: 'Which tfjs backend to try first; auto uses WebGL on a graphics card, and WebAssembly where WebGL is drawn in software (no GPU) or cannot start. The reader can change it in the widget.', example: 'wasm' },
    ],
    controls: [
      { name: 'settings', description: 'the rank, alpha, matrices, learning rate, steps and task controls' },
      { name: 'backend', description: 'the backend chooser and its measured speeds' },
      { name: 'baseline', description: 'the full fine-tune and full-rank buttons' },
      { name: 'chart', description: 'the loss chart' },
      { name: 'samples', description: 'the sample names and temperature' },
      { name: 'merge', description: 'the merge and latency section' },
      { name: 'file', description: 'download and load of adapter files' },
    ],
  },
  'subspace-overlap': {
    tag: 'rankbook-subspace-overlap',
    title: 'Subspace overlap of two LoRA adapters',
    description: 'The LoRA paper’s subspace similarity φ(i, j) between the top directions of two trained adapters’ A (r = 8 against r = 64, or two seeds), beside random matrices, with retraining in the browser.',
    embedHeight: 1500,
    inputs: [
      { name: 'layer', kind: 'integer', min: 1, max: 2, description: 'Which transformer block of the tiny model, 1 or 2.', example: '2' },
      { name: 'matrix', kind: 'choice', choices: ['wq', 'wv'], description: 'The adapted matrix: wq (queries) or wv (values).', example: 'wv' },
      { name: 'compare', kind: 'choice', choices: ['ranks', 'seeds', 'random'], description: 'ranks: A at r = 8 against r = 64; seeds: two r = 64 runs with different seeds; random: two Gaussian matrices of the same shapes.', example: 'ranks' },
      { name: 'view', kind: 'choice', choices: ['full', 'corner', 'both'], description: 'All 64 columns j, a zoom on the 8 × 8 corner, or both side by side as in the LoRA paper’s Figure 3.', example: 'both' },
      { name: 'steps', kind: 'integer', min: 1, max: 300, description: 'How many steps “Retrain in my browser” trains each adapter for, 1 to 300 (the shipped ones had 300).', example: '100' },
    ],
    controls: [
      { name: 'choose', description: 'the layer, matrix and comparison menus' },
      { name: 'zoom', description: 'the full / corner switch' },
      { name: 'profile', description: 'the chart of one row against random subspaces' },
      { name: 'table', description: 'the values as a table' },
      { name: 'retrain', description: 'retraining in the browser (or new random matrices)' },
    ],
  },
  'delta-w': {
    tag: 'rankbook-delta-w',
    title: 'ΔW against W: the amplification factor',
    description: 'The LoRA paper’s Table 7 for a tiny model: how much of W lies along ΔW’s top directions, against W’s own and random ones, and how strongly ΔW amplifies them, beside GPT-3’s figures.',
    embedHeight: 1150,
    inputs: [
      { name: 'layer', kind: 'integer', min: 1, max: 2, description: 'Which transformer block of the tiny model, 1 or 2.', example: '1' },
      { name: 'matrix', kind: 'choice', choices: ['wq', 'wv'], description: 'The adapted matrix: wq (queries, as in the paper) or wv (values).', example: 'wq' },
      { name: 'steps', kind: 'integer', min: 1, max: 300, description: 'How many steps “Retrain in my browser” trains r = 4 and r = 64 for, 1 to 300 (the shipped ones had 300).', example: '100' },
    ],
    controls: [
      { name: 'choose', description: 'the layer and matrix menus' },
      { name: 'chart', description: 'the chart of the factor against rank' },
      { name: 'retrain', description: 'retraining in the browser' },
    ],
  },
  'rank-sweep': {
    tag: 'rankbook-rank-sweep',
    title: 'Rank sweep: validation loss by rank and matrices',
    description: 'The LoRA paper’s Table 6 for a tiny model: validation loss after LoRA at r = 1, 2, 4, 8, 64 on {Wq}, {Wq, Wv} and {Wq, Wk, Wv, Wo}; any cell can be re-run in the browser.',
    embedHeight: 1100,
    inputs: [
      { name: 'targets', kind: 'choice', choices: ['wq', 'wq-wv', 'wq-wk-wv-wo'], description: 'The row of the cell chosen for re-running: which matrices are adapted.', example: 'wq-wv' },
      { name: 'r', kind: 'choice', choices: ['1', '2', '4', '8', '64'], description: 'The column of the cell chosen for re-running: the rank.', example: '4' },
      { name: 'steps', kind: 'integer', min: 1, max: 300, description: 'How many steps a re-run trains for, 1 to 300 (the shipped runs had 300).', example: '100' },
    ],
    controls: [
      { name: 'table', description: 'the table of losses' },
      { name: 'chart', description: 'the chart of loss against rank' },
      { name: 'retrain', description: 're-running a cell in the browser' },
    ],
  },
  'exercise': {
    tag: 'rankbook-exercise',
    title: 'Exercise',
    description: 'One checked exercise from a lesson, its numbers drawn from a seed; the page posts rankbook:score messages (id, seed, score, max, attempts) to the page around it.',
    embedHeight: 720,
    inputs: [
      // Widget tasks need their widget on the same page, so only the self-contained exercises embed.
      { name: 'id', attribute: 'exercise', kind: 'choice', choices: EXERCISES.filter((x) => x.kind !== 'widget').map((x) => x.id), description: 'Which exercise (see the list of exercises below).', example: 'rref' },
      { name: 'seed', kind: 'integer', min: 0, max: 2147483647, description: 'The variant: every reader given the same seed gets the same numbers. Without it each reader gets their own.', example: '42' },
    ],
  },
};
