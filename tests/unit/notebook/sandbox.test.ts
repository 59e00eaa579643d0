import { describe, it, expect, afterEach } from 'vitest';
import { Notebook } from '../../../src/notebook/notebook';
import { createSandbox } from '../../../src/notebook/sandbox';
import { MAX_ENTRIES } from '../../../src/notebook/cell-limits';

/** Functions that parse, compile or change the library: none is on the allow-list. */
const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'compile', 'resolve', 'reviver', 'replacer', 'parser', 'chain', 'config', 'typed', 'factory', 'create',
  'help', 'rationalize', 'symbolicEqual', 'leafCount', 'numeric', 'getMatrixDataType', 'equalScalar', 'BigNumber'];

/** Runs one source in a fresh notebook and returns its outcome. */
const run = (source: string) => new Notebook().update([{ id: 'c', source }])[0];

/** Runs a source and checks it fails quickly (a guard, not the worker's time limit) with a message. */
function refusedFast(source: string, message: RegExp): void {
  const notebook = new Notebook(); // its sandbox is built before the clock starts
  const start = performance.now();
  const outcome = notebook.update([{ id: 'c', source }])[0];
  expect(performance.now() - start).toBeLessThan(1500);
  expect(outcome.error).toMatch(message);
}

const g = globalThis as any;
afterEach(() => { delete g.pwned; });

describe('sandbox: what a cell cannot do', () => {
  it.each(DISABLED.map((name) => [name]))('refuses %s()', (name) => {
    // A few (chain, config …) mathjs never exposes to expressions at all: those are simply not there.
    expect(run(`${name}("1 + 1")`).error).toMatch(new RegExp(`^(Function ${name} is disabled in cells|There is no function “${name}” in cells)\\.$`));
  });

  it('refuses to import or redefine library functions', () => {
    expect(run('import({ rank: 1 }, { override: true })').error).toMatch(/disabled|no function/);
    expect(run('createUnit("foo")').error).toMatch(/disabled|no function/);
    // Assigning a library name only shadows it in the notebook's scope; other notebooks are untouched.
    new Notebook().update([{ id: 'a', source: 'rank = 5' }]);
    expect(run('rank([[1, 2], [2, 4]])').text).toBe('1');
  });

  it('refuses evaluate, parse and compile inside an expression', () => {
    expect(run('evaluate("pwned = 1")').error).toMatch(/disabled|no function/);
    expect(run('parse("1 + 1")').error).toMatch(/disabled|no function/);
    expect(run('compile("1 + 1")').error).toMatch(/disabled|no function/);
  });

  it.each([
    'cos.constructor("return window")()',
    'cos.constructor("return window")',
    'cos.constructor("globalThis.pwned = 1")()',
    '[].map.constructor("return this")()',
    '[].map',
    '"abc".constructor',
    'f(x) = x; f.constructor("return process")()',
    'obj = {}; obj.constructor',
    'obj = {}; obj["__proto__"]',
    'rank.constructor("return globalThis")',
    'x = 1; x.valueOf.constructor("return 1")',
  ])('refuses the constructor trick %s', (source) => {
    const outcome = run(source);
    expect(outcome.error).not.toBe('');
    expect(outcome.text).toBe('');
    expect(g.pwned).toBeUndefined();
  });

  it('keeps names in a Map scope, out of reach of Object.prototype', () => {
    expect(run('__proto__ = 5; constructor = 6; __proto__ + constructor').text).toBe('11');
    expect(({} as any).constructor).toBe(Object);
  });
});

describe('sandbox: runaways stopped with a message, at once', () => {
  it('refuses huge matrices before making them', () => {
    refusedFast('zeros(10000, 10000)', /100,000,000 entries; cells hold matrices of up to 100,000 entries/);
    refusedFast('ones(5000, 5000)', /25,000,000 entries/);
    refusedFast('identity(5000)', /25,000,000 entries/);
    refusedFast('zeros([100000, 100000])', /entries/);
    refusedFast('1:1e9', /That range would have 1,000,000,000 entries/);
    refusedFast('ones(20000, 1) * ones(1, 20000)', /That product would have 400,000,000 entries/);
    expect(MAX_ENTRIES).toBe(100_000);
  });

  it('refuses exact powers with hundreds of millions of digits', () => {
    refusedFast('2^(10^9)', /about 301,029,996 digits/);
    refusedFast('(3/7)^(10^8)', /digits, too many to compute exactly/);
    refusedFast('[[1, 1], [1, 0]]^(10^9)', /Matrix powers in cells go up to 10,000/);
    // Powers of a float simply overflow to Infinity, which is instant.
    expect(run('sqrt(2)^(10^9)').text).toBe('Infinity');
  });

  it('refuses literals with enormous exponents before building them', () => {
    refusedFast('1e1000000000', /keep exponents between -400 and 400/);
    expect(run('1e400 / 1e399').text).toBe('10');
  });

  it('refuses bignumbers, which this instance does not carry', () => {
    refusedFast('bignumber(2)^(10^9)', /BigNumbers are not available/);
  });

  it('stops infinite recursion with a message', () => {
    refusedFast('f(x) = f(x + 1); f(1)', /calls itself too deeply|call stack/);
  });

  it('refuses very long sources', () => {
    refusedFast('1+'.repeat(3000) + '1', /cells take up to 4,000/);
  });
});

describe('sandbox: every way to build a value is sized first (classes of hostile input)', () => {
  const shared = createSandbox();
  it.each([
    // strings: methods are refused; the one function that joins text is bounded
    ['"ab".repeat(2^28)', /not methods/],
    ['"x".padStart(1e9, "y")', /not methods/],
    ['s = "abcdefghij"; s = concat(s, s, s, s, s, s, s, s, s, s); s = concat(s, s, s, s, s, s, s, s, s, s); concat(s, s, s, s, s, s, s, s, s, s, s)', /characters long; cells hold text of up to 10,000/],
    // matrices built from literals of matrices, concatenation, broadcasting and diagonals
    ['A = ones(200, 200); [A, A, A]', /That matrix would have 120,000 entries/],
    ['A = ones(200, 200); concat(A, A, A)', /That concatenation would have 120,000 entries/],
    ['ones(1000, 1) + ones(1, 1000)', /1,000,000 entries/],
    ["[1:1000]' .* [1:1000]", /1,000,000 entries/],
    ['diag(1:1000)', /That diagonal matrix would have 1,000,000 entries/],
    ['diag([1, 2], 10^6)', /entries/],
    // ranges, in every spelling
    ['1:0.000001:2', /1,000,001 entries/],
    ['range(1, 10^9)', /1,000,000,000 entries/],
    ['range("1:1000000000")', /range takes numbers/],
    // resizes through an index assignment, and selections through a float index
    ['A = [1]; A[100000, 100000] = 1', /reaching that position would have 10,000,000,000 entries/],
    ['v = [1]; v[10^7] = 1', /10,000,000 entries/],
    [`a = [[1, 2]]; i = [${'1, '.repeat(999)}1]; a[i, i]`, /selection would have 1,000,000 entries/],
    // many allowed values adding up, and a function that doubles its argument
    ['f(x) = [x, x]; f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f([1]))))))))))))))))))', /entries/],
    // exact numbers grown by squaring, element-wise powers and products of matrices
    ['x = 3^4000; y = x * x; y * y', /digits; exact numbers in cells have up to 2,466/],
    ['[2] .^ (10^9)', /too many to compute exactly/],
    ['x = 7^2000; [[x, x], [x, x]]^2', /digits/],
  ])('refuses %s with a message, without building it', (source, message) => {
    const start = performance.now();
    const outcome = new Notebook(shared).update([{ id: 'c', source }])[0];
    expect(performance.now() - start).toBeLessThan(1500);
    expect(outcome.error).toMatch(message as RegExp);
  });

  it('sums what one run builds: many allowed matrices cannot add up to an unbounded amount', () => {
    const source = 'A = ones(300, 300); B = A + 1; C = B + 1; D = C + 1; E = D + 1; F = E + 1; G = F + 1; H = G + 1; I = H + 1; J = I + 1; K = J + 1; L = K + 1';
    expect(new Notebook(shared).update([{ id: 'c', source }])[0].error).toMatch(/more than 1,000,000 matrix entries in all/);
  });

  it('still builds what a lesson builds', () => {
    expect(run('1:1/2:2').text).toBe('[1, 3/2, 2]');
    expect(run('5:-2:1').text).toBe('[5, 3, 1]');
    expect(run('A = [[1, 2], [3, 4]]; A[3, 3] = 7; A').text).toBe('[[1, 2, 0], [3, 4, 0], [0, 0, 7]]');
    expect(run('concat([1, 2], [3])').text).toBe('[1, 2, 3]');
    expect(run('concat("rank ", "one")').text).toMatch(/rank one/);
    expect(run('size(ones(316, 316))').text).toBe('[316, 316]');
    expect(run('[[1, 1], [1, 0]]^30').text).toBe('[[1346269, 832040], [832040, 514229]]');
    expect(run('2^1000 / 2^999').text).toBe('2');
  });
});

