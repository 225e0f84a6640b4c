import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantities, milliValue, parseQuantity, unitValue } from '../../../shared/model/quantity';

// Cases from apimachinery pkg/api/resource/quantity_test.go and kubernetes.io "Resource Management for Pods and Containers".
describe('quantities keep their family and print canonically, as upstream does', () => {
  it.each([
    ['1.5', '1500m'], ['0.5', '500m'], ['1.5Gi', '1536Mi'], ['1024Mi', '1Gi'], ['1000M', '1G'],
    ['1e3', '1e3'], ['1.2e3', '1200'], ['100.035k', '100035'], ['0.9n', '1n'], ['.5', '500m'],
    ['1.', '1'], ['0', '0'], ['1023Ki', '1023Ki'], ['512Ki', '512Ki'], ['1536Ki', '1536Ki'],
    ['2048Ki', '2Mi'], ['1Ei', '1Ei'], ['100m', '100m'], ['1000m', '1'], ['1500k', '1500k'],
    ['1000000', '1M'], ['0.0001', '100u'], ['1e6', '1e6'], ['1E3', '1e3'], ['-1.5', '-1500m'],
  ])('%s → %s', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });

  it('compares 500m and 0.5 as equal and orders across suffixes', () => {
    expect(compareQuantities('500m', '0.5')).toBe(0);
    expect(compareQuantities('1Gi', '1G')).toBe(1);
    expect(compareQuantities('999Mi', '1Gi')).toBe(-1);
  });

  it('reads millicores and bytes', () => {
    expect(milliValue('1.5')).toBe(1500);
    expect(milliValue('250m')).toBe(250);
    expect(unitValue('1Gi')).toBe(1073741824);
    expect(unitValue('1.5k')).toBe(1500);
  });

  it('rejects what is not a quantity', () => {
    for (const bad of ['', 'abc', '1.5.5', '1Qi', '--1', '1 Gi', 'Gi']) expect(() => parseQuantity(bad)).toThrow(/quantities must match/);
  });
});
