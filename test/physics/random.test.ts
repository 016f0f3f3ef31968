import { expect } from '@open-wc/testing';
import * as random from '../../physics/random.js';
import { createRng } from '../../physics/random.js';
import { expectPhysicsError } from './_assert.js';

const N = 100_000;

describe('physics/random: seeded generator', () => {
  it('reproduces the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 8 }, () => a.next());
    const seqB = Array.from({ length: 8 }, () => b.next());
    const seqC = Array.from({ length: 8 }, () => c.next());
    expect(seqA).to.deep.equal(seqB);
    expect(seqA).to.not.deep.equal(seqC);
    // Mixed draws stay in lock-step too (normal() caches its Box–Muller spare per generator).
    const x = createRng(7);
    const y = createRng(7);
    const mixed = (r: random.Rng) => [r.normal(), r.exponential(3), r.normal(), r.lognormal(0, 1), r.int(10), r.uniform(2, 5)];
    expect(mixed(x)).to.deep.equal(mixed(y));
  });

  it('reduces the seed to 32 bits: 2^32 + 5 behaves like 5', () => {
    const a = createRng(2 ** 32 + 5);
    const b = createRng(5);
    expect(a.seed).to.equal(5);
    expect([a.next(), a.next()]).to.deep.equal([b.next(), b.next()]);
  });

  it('draws uniforms in [0, 1) with mean 1/2', () => {
    const r = createRng(1);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = r.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).to.be.at.least(0);
    expect(max).to.be.below(1);
    // The standard error of the mean is (1/√12)/√1e5 = 0.00091; allow 5σ.
    expect(sum / N).to.be.closeTo(0.5, 0.005);
  });

  it('draws exponentials whose mean is 1/rate within 1% over 1e5 samples', () => {
    const r = createRng(2024);
    const rate = 2; // mean 0.5 s
    let sum = 0;
    for (let i = 0; i < N; i++) sum += r.exponential(rate);
    // Relative standard error 1/√1e5 = 0.32 %; 1 % is 3σ.
    expect(sum / N).to.be.closeTo(0.5, 0.005);
  });

  it('draws standard normals (mean 0, sd 1) and scales them', () => {
    const r = createRng(99);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    const mean = s / N;
    expect(mean).to.be.closeTo(0, 0.015); // SE 0.0032
    expect(Math.sqrt(s2 / N - mean * mean)).to.be.closeTo(1, 0.01);
    const q = createRng(99);
    const z = createRng(99);
    // normal(mean, sd) = mean + sd·z for the same underlying draw.
    expect(q.normal(10, 2)).to.be.closeTo(10 + 2 * z.normal(), 1e-12);
  });

  it('draws log-normals with median e^mu and mean e^(mu + sigma²/2)', () => {
    const r = createRng(5);
    const mu = Math.log(0.05);
    const sigma = 0.5;
    const xs = Array.from({ length: N }, () => r.lognormal(mu, sigma)).sort((a, b) => a - b);
    // median = e^ln(0.05) = 0.05; mean = 0.05·e^(0.125) = 0.056657.
    expect(xs[N / 2]!).to.be.closeTo(0.05, 0.05 * 0.01);
    expect(xs.reduce((a, b) => a + b, 0) / N).to.be.closeTo(0.05 * Math.exp(0.125), 0.056657 * 0.01);
  });

  it('draws bounded uniforms and integers over their whole range', () => {
    const r = createRng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform(2, 5);
      expect(u).to.be.at.least(2).and.below(5);
      seen.add(r.int(6));
    }
    expect([...seen].sort()).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('rejects invalid seeds and parameters with a PhysicsError naming the argument', () => {
    expectPhysicsError(() => createRng(-1), 'seed');
    expectPhysicsError(() => createRng(1.5), 'seed');
    expectPhysicsError(() => createRng(Number.NaN), 'seed');
    const r = createRng(0);
    expectPhysicsError(() => r.exponential(0), 'rate');
    expectPhysicsError(() => r.lognormal(0, -1), 'sigma');
    expectPhysicsError(() => r.normal(0, -1), 'sd');
    expectPhysicsError(() => r.int(0), 'n');
    expectPhysicsError(() => r.uniform(5, 2), 'max');
    expect(() => createRng(-1)).to.throw(/seed.*-1.*whole number/);
  });

  it('keeps Math.random out of the serving, distributed, reliability and random modules', async () => {
    for (const f of ['random', 'serving', 'distributed', 'reliability']) {
      const text = await (await fetch(`/physics/${f}.ts`)).text();
      expect(text.length, f).to.be.greaterThan(100);
      expect(/Math\.random\s*\(/.test(text), `${f}.ts calls Math.random`).to.equal(false);
    }
  });

  it('documents every export in docs/physics/serving-distributed-reliability.md', async () => {
    const doc = await (await fetch('/docs/physics/serving-distributed-reliability.md')).text();
    for (const name of Object.keys(random)) expect(doc, name).to.include(`### \`${name}\``);
  });
});
