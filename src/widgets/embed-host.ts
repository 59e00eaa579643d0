import { FRAME_HEIGHT, HEIGHT_MESSAGE } from './embed';

/** What a host page needs of a message event and of its iframes: enough to test without a DOM. */
export interface HeightEvent { data: unknown; source: unknown; origin: string }
export interface EmbedFrame { contentWindow: unknown; src: string; style: { height: string } }

/**
 * Applies an embed's height message to the frame that sent it: the sender must be that frame's window AND
 * come from the origin its src names (a page the frame navigated to elsewhere is ignored), and the height is
 * clamped to FRAME_HEIGHT. Returns the frame resized, or null. RESIZE_SNIPPET is this rule for pasting.
 */
export function applyHeightMessage(event: HeightEvent, frames: Iterable<EmbedFrame>, base: string): EmbedFrame | null {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== 'number' || !Number.isFinite(data.height)) return null;
  for (const frame of frames) {
    if (frame.contentWindow !== event.source || new URL(frame.src, base).origin !== event.origin) continue;
    frame.style.height = `${Math.round(Math.min(FRAME_HEIGHT.max, Math.max(FRAME_HEIGHT.min, data.height)))}px`;
    return frame;
  }
  return null;
}

/**
 * applyHeightMessage as a script a host pastes (plain ES5-level JavaScript, no imports); safe to paste more
 * than once. tests/unit/widgets/embed-host.test.ts holds both to the same cases.
 */
export const RESIZE_SNIPPET =
  `<script>addEventListener('message',function(e){var d=e.data;if(!d||d.type!=='${HEIGHT_MESSAGE}'||typeof d.height!=='number'||!isFinite(d.height))return;` +
  `document.querySelectorAll('iframe[data-rankbook]').forEach(function(f){if(f.contentWindow!==e.source||new URL(f.src,location.href).origin!==e.origin)return;` +
  `f.style.height=Math.round(Math.min(${FRAME_HEIGHT.max},Math.max(${FRAME_HEIGHT.min},d.height)))+'px'})});</script>`;
