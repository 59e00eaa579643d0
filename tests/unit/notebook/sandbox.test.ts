import { describe, it, expect, afterEach } from 'vitest';
import { Notebook } from '../../../src/notebook/notebook';
import { DISABLED, MAX_ENTRIES } from '../../../src/notebook/sandbox';

/** Runs one source in a fresh notebook and returns its outcome. */
const run = (source: string) => new Notebook().update([{ id: 'c', source }])[0];

/** Runs a source and checks it fails quickly (a guard, not the worker's time limit) with a message. */
function refusedFast(source: string, message: RegExp): void {
  const start = performance.now();
  const outcome = run(source);
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
    expect(run('import({ rank: 1 }, { override: true })').error).toMatch(/disabled/);
    expect(run('createUnit("foo")').error).toMatch(/disabled/);
    // Assigning a library name only shadows it in the notebook's scope; other notebooks are untouched.
    new Notebook().update([{ id: 'a', source: 'rank = 5' }]);
    expect(run('rank([[1, 2], [2, 4]])').text).toBe('1');
  });

  it('refuses evaluate, parse and compile inside an expression', () => {
    expect(run('evaluate("pwned = 1")').error).toMatch(/disabled/);
    expect(run('parse("1 + 1")').error).toMatch(/disabled/);
    expect(run('compile("1 + 1")').error).toMatch(/disabled/);
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
    refusedFast('ones(100000, 1) * ones(1, 100000)', /That product would have 10,000,000,000 entries/);
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
