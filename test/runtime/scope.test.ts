import { expect } from '@open-wc/testing';
import { LabScope } from '../../src/scope.js';

describe('LabScope', () => {
  it('reads dotted paths into published objects and notifies only on change', () => {
    const scope = new LabScope();
    const seen: string[] = [];
    scope.subscribe((name) => seen.push(name));
    scope.set('roof', { bound: 'memory', mfu: 0.2 });
    scope.set('roof', { bound: 'memory', mfu: 0.2 });
    scope.set('n', 512);
    expect(scope.get('roof.bound')).to.equal('memory');
    expect(scope.get('roof.missing.deeper')).to.equal(undefined);
    expect(seen).to.deep.equal(['roof', 'n']);
  });

  it('snapshots to JSON-safe values and restores them', () => {
    const a = new LabScope();
    a.set('n', 512);
    a.set('ctx', 'edge');
    a.set('fn', () => 1);
    const snap = a.snapshot();
    expect(snap).to.deep.equal({ n: 512, ctx: 'edge' });
    const b = new LabScope();
    b.restore(snap);
    expect(b.get('n')).to.equal(512);
  });
});
