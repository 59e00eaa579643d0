/**
 * An orthographic view of 3-D points for a picture: turn (about the vertical axis) then tilt (about the screen's
 * horizontal axis), both in degrees. The picture is math-style, z up: screen x to the right, screen y down.
 */
export interface ViewAngles {
  turn: number;
  tilt: number;
}

export const TILT_LIMIT = 89;

/** Keeps turn in (-180, 180] and tilt within +-89 degrees (looking straight down loses which way is round). */
export function normaliseView({ turn, tilt }: ViewAngles): ViewAngles {
  let t = ((turn + 180) % 360 + 360) % 360 - 180;
  if (t === -180) t = 180;
  return { turn: Math.round(t * 10) / 10, tilt: Math.round(Math.max(-TILT_LIMIT, Math.min(TILT_LIMIT, tilt)) * 10) / 10 };
}

/** Screen position (x right, y down) and depth (larger = nearer the viewer) of a point (x, y, z). */
export function projectPoint(p: readonly number[], view: ViewAngles): { x: number; y: number; depth: number } {
  const a = (view.turn * Math.PI) / 180;
  const b = (view.tilt * Math.PI) / 180;
  const [x, y, z] = [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];
  // Turn about z: the viewer looks along +y' after it.
  const x1 = x * Math.cos(a) - y * Math.sin(a);
  const y1 = x * Math.sin(a) + y * Math.cos(a);
  // Tilt about the screen's x axis: positive tilt shows the scene from above.
  const up = z * Math.cos(b) - y1 * Math.sin(b);
  const depth = -(y1 * Math.cos(b) + z * Math.sin(b));
  return { x: x1, y: -up, depth };
}

/** The unit vector from the scene towards the viewer: depth = p · viewerDirection(view). */
export function viewerDirection(view: ViewAngles): number[] {
  const a = (view.turn * Math.PI) / 180;
  const b = (view.tilt * Math.PI) / 180;
  return [-Math.sin(a) * Math.cos(b), -Math.cos(a) * Math.cos(b), -Math.sin(b)];
}

/**
 * A view from which `direction` makes the angle whose cosine is `cosine` with the line of sight, chosen among
 * turns of -90..90 and tilts of 10..40 degrees (seen from above, as people draw 3-D axes), nearest `preferred`.
 * A plane reads well with its normal at about 45 degrees to the line of sight; a line, nearly across it.
 */
export function viewFacing(direction: readonly number[], cosine: number, preferred: ViewAngles): ViewAngles {
  const norm = Math.hypot(...direction) || 1;
  let best = preferred;
  let bestScore = Infinity;
  for (let turn = -90; turn <= 90; turn += 5) {
    for (let tilt = 10; tilt <= 40; tilt += 5) {
      const v = viewerDirection({ turn, tilt });
      const c = Math.abs(v.reduce((s, x, i) => s + x * direction[i], 0)) / norm;
      const score = Math.abs(c - cosine) + 0.001 * (Math.abs(turn - preferred.turn) + Math.abs(tilt - preferred.tilt));
      if (score < bestScore) {
        bestScore = score;
        best = { turn, tilt };
      }
    }
  }
  return best;
}
