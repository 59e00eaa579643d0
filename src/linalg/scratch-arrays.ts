/**
 * Reusable Float64Arrays for the big temporaries of one SVD (transposes, Gram matrices, merge products).
 * Allocating ~20 MB of fresh typed arrays per 512 x 512 channel made garbage collection a fifth of the run
 * time (and page faults on every fresh buffer); a pooled buffer per purpose is allocated once per worker.
 *
 * The contents are unspecified on return. A caller must be done with an array before anything else asks
 * for the same purpose, so purposes are named after the one function that uses each.
 */
const pool = new Map<string, Float64Array>();

export function scratchArray(purpose: string, length: number): Float64Array {
  let buffer = pool.get(purpose);
  if (!buffer || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
    pool.set(purpose, buffer);
  }
  return buffer.subarray(0, length);
}
