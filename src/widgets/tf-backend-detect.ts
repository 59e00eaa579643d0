/**
 * Is WebGL drawn by a graphics card, or emulated on the processor (SwiftShader, llvmpipe)? On an emulated one
 * tfjs's WebGL backend is several times slower than WebAssembly (on our 2-core test machine: 14 s to get ready
 * and 1.6 steps a second, against 2.4 s and 11 on wasm), so `auto` should start on wasm there.
 * Three signals: the renderer's name (WEBGL_debug_renderer_info), the browser's own "major performance caveat"
 * flag, and a short timed draw, which decides when the browser hides the name (and is reported either way).
 * classifyRenderer is pure; probeWebgl touches a canvas and is called only by tf-backend.ts.
 */
import { english, type Translate } from '../i18n/translate';
import { formatNumber } from '../i18n/format';

export interface RendererFacts {
  /** False when the browser would refuse a context with failIfMajorPerformanceCaveat (software WebGL). */
  hardwareContext: boolean;
  /** UNMASKED_RENDERER_WEBGL, or null when the browser hides it. */
  renderer: string | null;
  /** Milliseconds a fixed fragment-heavy draw took, or null when not measured. */
  probeMs: number | null;
}

export interface RendererVerdict {
  /** 'software': WebGL runs on the processor; 'hardware': on a graphics card; 'none': no WebGL at all. */
  kind: 'software' | 'hardware' | 'none';
  /** Why, in words, for the notice under the backend line. */
  reason: string;
}

const SOFTWARE_NAMES = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

/** A graphics card draws the probe in a few ms; SwiftShader on a laptop processor takes tens to hundreds. */
export const PROBE_SOFTWARE_MS = 40;

export function classifyRenderer(facts: RendererFacts | null, t: Translate = english): RendererVerdict {
  if (!facts) return { kind: 'none', reason: t('trainer.reasonNoWebgl') };
  const name = facts.renderer?.trim() || null;
  // The matched word, not the whole string: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …" says less than "SwiftShader".
  const software = name?.match(SOFTWARE_NAMES);
  if (software) return { kind: 'software', reason: t('trainer.reasonSoftware', { name: software[0] }) };
  if (!facts.hardwareContext) return { kind: 'software', reason: name ? t('trainer.reasonCaveatNamed', { name }) : t('trainer.reasonCaveat') };
  if (name) return { kind: 'hardware', reason: t('trainer.reasonHardware', { name }) };
  if (facts.probeMs !== null && facts.probeMs > PROBE_SOFTWARE_MS) {
    return { kind: 'software', reason: t('trainer.reasonSlowDraw', { ms: Math.round(facts.probeMs) }) };
  }
  return { kind: 'hardware', reason: facts.probeMs === null ? t('trainer.reasonUnnamed') : t('trainer.reasonFastDraw', { ms: formatNumber(t.lang, facts.probeMs, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }) };
}

// A fragment shader with a fixed loop: cheap for a GPU, slow for a processor emulating one.
const VERTEX = 'attribute vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); }';
const FRAGMENT = `precision mediump float;
void main() {
  float x = gl_FragCoord.x * 0.001;
  for (int i = 0; i < 64; i++) x = fract(sin(x * 12.9898 + float(i)) * 43758.5453);
  gl_FragColor = vec4(x, 0.0, 0.0, 1.0);
}`;

/** Times one 256 x 256 draw of the shader above, read back so the time is real; null when it cannot run. */
function timeDraw(gl: WebGLRenderingContext): number | null {
  const program = gl.createProgram();
  const shaders = [[gl.VERTEX_SHADER, VERTEX], [gl.FRAGMENT_SHADER, FRAGMENT]] as const;
  if (!program) return null;
  for (const [type, source] of shaders) {
    const shader = gl.createShader(type);
    if (!shader) return null;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return null;
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  const pixel = new Uint8Array(4);
  gl.drawArrays(gl.TRIANGLES, 0, 3); // warm-up: shader compilation is not what is measured
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const start = performance.now();
  gl.drawArrays(gl.TRIANGLES, 0, 3);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  return performance.now() - start;
}

/** Looks at this browser's WebGL without starting tfjs; null when there is no WebGL. */
export function probeWebgl(): RendererFacts | null {
  if (typeof document === 'undefined') return null;
  try {
    const careful = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
    const gl = careful ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '') || null : null;
    const target = gl.canvas as HTMLCanvasElement;
    target.width = target.height = 256;
    gl.viewport(0, 0, 256, 256);
    const facts: RendererFacts = { hardwareContext: careful !== null, renderer, probeMs: timeDraw(gl) };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    if (careful !== gl) careful?.getExtension('WEBGL_lose_context')?.loseContext();
    return facts;
  } catch {
    return null;
  }
}
