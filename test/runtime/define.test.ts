import { expect } from '@open-wc/testing';
import { defineElement, LIBRARY_VERSION } from '../../src/define.js';
import { captureWarnings } from '../helpers/index.js';

describe('defineElement', () => {
  it('defines a tag once; defining it again (same or another class) does not throw', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    expect(() => defineElement('test-define-a', A)).not.to.throw();
    expect(() => defineElement('test-define-a', A)).not.to.throw();
    expect(() => defineElement('test-define-a', B)).not.to.throw();
    expect(customElements.get('test-define-a')).to.equal(A);
    expect((A as unknown as { mlsVersion: string }).mlsVersion).to.equal(LIBRARY_VERSION);
    expect(document.createElement('test-define-a')).to.be.instanceOf(A);
  });

  it('warns once when a different library version already owns the tag', () => {
    class Old extends HTMLElement {
      static mlsVersion = '0.0.1';
    }
    class Same extends HTMLElement {
      static mlsVersion = LIBRARY_VERSION;
    }
    customElements.define('test-define-old', Old);
    customElements.define('test-define-same', Same);
    const capture = captureWarnings();
    try {
      defineElement('test-define-old', class extends HTMLElement {});
      defineElement('test-define-same', class extends HTMLElement {});
    } finally {
      capture.restore();
    }
    const seen = capture.warnings;
    expect(seen.length).to.equal(1);
    expect(seen[0]).to.contain('<test-define-old>');
    expect(seen[0]).to.contain('0.0.1');
    expect(customElements.get('test-define-old')).to.equal(Old);
  });
});
