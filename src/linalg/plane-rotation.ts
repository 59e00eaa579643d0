/**
 * Rotates two rows of a row-major array in the plane they span: row a <- c a + s b, row b <- c b - s a, over
 * `length` entries. Its own small function, not an inner loop, so that V8 optimises it after a few calls
 * instead of compiling the loop around it on stack and dropping that code each time the loop ends (which
 * kept a cold 512 x 512 SVD several times slower than a warm one).
 */
export function rotateRows(M: Float64Array, a: number, b: number, length: number, c: number, s: number): void {
  for (let k = 0; k < length; k++) {
    const x = M[a + k], y = M[b + k];
    M[a + k] = c * x + s * y;
    M[b + k] = c * y - s * x;
  }
}
