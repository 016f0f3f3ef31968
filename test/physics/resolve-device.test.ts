// resolveDeviceOrContext: the one "device id or deployment context" resolver every element's
// `device`-like attribute goes through (src/inputs.ts deviceOrContext()).
import { expect } from '@open-wc/testing';
import { resolveDeviceOrContext, getDevice, DEVICE_IDS, TIERS, DEPLOYMENT_CONTEXTS } from '../../physics/registry.js';
import { PhysicsError } from '../../physics/errors.js';

function caught(fn: () => unknown): PhysicsError {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a PhysicsError').to.be.instanceOf(PhysicsError);
  return err as PhysicsError;
}

describe('physics/registry resolveDeviceOrContext', () => {
  it('returns the registered device for every device id', () => {
    for (const id of DEVICE_IDS) expect(resolveDeviceOrContext(id)).to.equal(getDevice(id));
  });

  it("returns a context's reference device for every context id", () => {
    expect(resolveDeviceOrContext('cloud').id).to.equal('h100');
    expect(resolveDeviceOrContext('edge').id).to.equal('jetson-orin-nx');
    expect(resolveDeviceOrContext('mobile').id).to.equal('mobile-npu');
    expect(resolveDeviceOrContext('tiny').id).to.equal('cortex-m7');
    for (const tier of TIERS) expect(resolveDeviceOrContext(tier)).to.equal(getDevice(DEPLOYMENT_CONTEXTS[tier].device));
  });

  it('rejects an unknown id naming the argument, the value and every accepted id', () => {
    const e = caught(() => resolveDeviceOrContext('warp-drive', 'baseline'));
    expect(e.argument).to.equal('baseline');
    expect(e.received).to.equal('warp-drive');
    expect(e.accepted).to.equal(`a device id (${DEVICE_IDS.join(', ')}) or a deployment context (cloud, edge, mobile, tiny)`);
    expect(e.message).to.contain('Invalid baseline: got "warp-drive"');
    expect(caught(() => resolveDeviceOrContext('nope')).argument).to.equal('device');
  });

  it('matches exactly: no trimming, no case folding, no inherited object keys, no non-strings', () => {
    for (const bad of [' h100', 'H100', 'Cloud', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(caught(() => resolveDeviceOrContext(bad)).received).to.equal(bad);
    }
    for (const bad of [undefined, null, 42, { id: 'h100' }]) caught(() => resolveDeviceOrContext(bad as unknown as string));
  });
});
