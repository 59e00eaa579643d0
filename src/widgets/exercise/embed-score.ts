import type { ExerciseState } from './exercise';

/** The message an exercise's embed page posts to its host page after every checked answer. */
export const SCORE_MESSAGE = 'rankbook:score';

export interface ScoreMessage {
  type: typeof SCORE_MESSAGE;
  id: string;
  seed: number;
  score: number;
  max: number;
  attempts: number;
}

export const scoreMessage = (s: ExerciseState): ScoreMessage =>
  ({ type: SCORE_MESSAGE, id: s.exercise, seed: s.seed, score: s.score, max: s.max, attempts: s.attempts });

/** On the embed page: tell the host page the score whenever an answer is checked (and once at load). */
export function postScores(): void {
  const element = document.querySelector('rankbook-exercise');
  if (!element || window.parent === window) return;
  // The page starts on a default exercise until the query's id is applied: report only the one asked for.
  const asked = new URLSearchParams(location.search).get('id');
  let last = '';
  element.addEventListener('change', (event) => {
    const state = (event as CustomEvent<ExerciseState>).detail;
    if (state.status === 'loading' || state.status === 'error' || !state.exercise) return;
    if (asked && state.exercise !== asked) return;
    const message = scoreMessage(state);
    const key = JSON.stringify(message);
    if (key === last) return; // showing the solution changes nothing a host records
    last = key;
    window.parent.postMessage(message, '*');
  });
}
