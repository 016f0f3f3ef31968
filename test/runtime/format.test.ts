import { expect } from '@open-wc/testing';
import { formatNumber, formatSI, formatSeconds, formatBytes, formatBytesBinary, formatValue } from '../../src/format.js';

describe('format', () => {
  it('formatNumber: 3 significant figures, thousands separators, special values', () => {
    expect(formatNumber(295.2238)).to.equal('295');
    expect(formatNumber(170.666)).to.equal('171');
    expect(formatNumber(1365.33)).to.equal('1,365'); // integers keep all their digits
    expect(formatNumber(0.000123456)).to.equal('0.000123');
    expect(formatNumber(2.5, 2)).to.equal('2.5');
    expect(formatNumber(0)).to.equal('0');
    expect(formatNumber(Number.NaN)).to.equal('—');
    expect(formatNumber(Infinity)).to.equal('∞');
    expect(formatNumber(-Infinity)).to.equal('−∞');
    expect(formatNumber(3e21)).to.equal('3.00e21');
  });

  it('formatSI: SI prefixes, rounding up across a prefix boundary', () => {
    expect(formatSI(3.35e12, 'B/s')).to.equal('3.35 TB/s');
    expect(formatSI(989e12, 'FLOP/s')).to.equal('989 TFLOP/s');
    expect(formatSI(1979e12, 'FLOP/s')).to.equal('1.98 PFLOP/s');
    expect(formatSI(999.9e9, 'B')).to.equal('1 TB'); // 0.9999 T rounds to 1, not "1,000 GB"
    expect(formatSI(0.0042, 'J')).to.equal('4.2 mJ');
    expect(formatSI(-2e9, 'B')).to.equal('-2 GB');
    expect(formatSI(0, 'W')).to.equal('0 W');
    expect(formatSI(5, '')).to.equal('5');
  });

  it('formatSeconds: ns … s, then min, h and days for long spans', () => {
    expect(formatSeconds(2.5e-9)).to.equal('2.5 ns');
    expect(formatSeconds(0.0123)).to.equal('12.3 ms');
    expect(formatSeconds(0.5)).to.equal('500 ms');
    expect(formatSeconds(90)).to.equal('90 s');
    expect(formatSeconds(600)).to.equal('10 min'); // 600 / 60
    expect(formatSeconds(3 * 3600)).to.equal('3 h');
    expect(formatSeconds(3 * 86400)).to.equal('3 days');
  });

  it('formatBytes (decimal) and formatBytesBinary (binary) say which they are', () => {
    expect(formatBytes(80e9)).to.equal('80 GB');
    expect(formatBytes(1536)).to.equal('1.54 kB');
    expect(formatBytesBinary(1536)).to.equal('1.5 KiB'); // 1536 / 1024
    expect(formatBytesBinary(80 * 1024 ** 3)).to.equal('80 GiB');
    expect(formatBytesBinary(512)).to.equal('512 B');
  });

  it('formatValue: picks the formatter from the unit', () => {
    expect(formatValue(0.578, '%')).to.equal('57.8%');
    expect(formatValue(7.42, 'x')).to.equal('7.42×');
    expect(formatValue(0.002, 's')).to.equal('2 ms');
    expect(formatValue(3.35e12, 'B/s')).to.equal('3.35 TB/s');
    expect(formatValue(700, 'W')).to.equal('700 W');
    expect(formatValue(170.666, 'FLOP/B')).to.equal('171 FLOP/B');
    expect(formatValue(1234.5)).to.equal('1,235');
  });
});
