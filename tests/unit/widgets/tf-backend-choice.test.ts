import { describe, it, expect } from 'vitest';
import { backendNotice, backendOrder } from '../../../src/widgets/tf-backend-choice';
import { classifyRenderer, PROBE_SOFTWARE_MS } from '../../../src/widgets/tf-backend-detect';

const facts = (renderer: string | null, hardwareContext = true, probeMs: number | null = 2) => ({ renderer, hardwareContext, probeMs });

describe('classifyRenderer', () => {
  it('names software renderers by their names (SwiftShader, llvmpipe, Microsoft Basic Render)', () => {
    for (const name of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)', 'Mesa Software Rasterizer']) {
      expect(classifyRenderer(facts(name)).kind).toBe('software');
    }
  });

  it('a named graphics card is hardware, even when the probe was slow', () => {
    expect(classifyRenderer(facts('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', true, 500))).toEqual({ kind: 'hardware', reason: 'WebGL runs on ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)' });
  });

  it('the notice names the software renderer in one word', () => {
    expect(classifyRenderer(facts('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).reason).toBe('WebGL here is drawn in software (SwiftShader)');
  });

  it('the browser\'s performance-caveat refusal means software, whatever the name', () => {
    expect(classifyRenderer(facts('Some GPU', false)).kind).toBe('software');
  });

  it('with the name hidden, the timed draw decides', () => {
    expect(classifyRenderer(facts(null, true, PROBE_SOFTWARE_MS + 1))).toMatchObject({ kind: 'software', reason: expect.stringMatching(/test drawing took 41 ms/) });
    expect(classifyRenderer(facts(null, true, 3)).kind).toBe('hardware');
  });

  it('no WebGL at all is none', () => {
    expect(classifyRenderer(null).kind).toBe('none');
  });
});

describe('backendOrder', () => {
  it('auto: WebGL first on a graphics card, wasm first when WebGL is emulated or missing', () => {
    expect(backendOrder('auto', 'hardware')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', 'software')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('auto', 'none')).toEqual(['wasm', 'webgl', 'cpu']);
  });

  it('an explicit choice comes first, whatever the renderer', () => {
    expect(backendOrder('webgl', 'software')[0]).toBe('webgl');
    expect(backendOrder('wasm', 'hardware')).toEqual(['wasm', 'cpu']);
    expect(backendOrder('cpu', 'hardware')).toEqual(['cpu']);
  });
});

describe('backendNotice', () => {
  const software = { kind: 'software' as const, reason: 'WebGL here is drawn in software (SwiftShader)' };
  const hardware = { kind: 'hardware' as const, reason: 'WebGL runs on a GPU' };

  it('is silent for WebGL on a graphics card', () => {
    expect(backendNotice('auto', 'webgl', [], hardware)).toBe('');
  });

  it('says why auto chose wasm under software WebGL', () => {
    expect(backendNotice('auto', 'wasm', [], software)).toBe('Running on WebAssembly (the processor): WebGL here is drawn in software (SwiftShader), which trains several times slower than WebAssembly.');
  });

  it('warns when WebGL is forced on a software renderer', () => {
    expect(backendNotice('webgl', 'webgl', [], software)).toMatch(/as asked, though WebGL here is drawn in software.*WebAssembly is usually several times faster/);
  });

  it('names what failed to start', () => {
    expect(backendNotice('webgl', 'cpu', ['webgl', 'wasm'], hardware)).toMatch(/^WebGL and WebAssembly could not start in this browser, so training runs on plain JavaScript/);
  });
});
