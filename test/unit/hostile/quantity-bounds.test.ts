/**
 * Hostile quantities are refused at once with upstream's wording where upstream refuses them
 * (apimachinery pkg/api/resource: ErrFormatWrong, ErrSuffix), and Kubeplan's own bound otherwise.
 */
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, quantityProblem } from '../../../shared/model/quantity';
import { validateObjects } from '../../../shared/validation';

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('quantities out of bounds', { timeout: 10_000 }, () => {
  it('an exponent that does not fit an int32 is a suffix error, as upstream says', () => {
    expect(quantityProblem('1e99999999999')).toBe("unable to parse quantity's suffix");
    expect(quantityProblem('1e-99999999999')).toBe("unable to parse quantity's suffix");
  });

  it('a huge exponent upstream would accept is refused as too large, not after 28 s of BigInt work', () => {
    expect(quantityProblem('1e300000000')).toBe('too large: Kubeplan computes with quantities below 10^40');
    expect(quantityProblem('1000000Ei')).toBeUndefined();
    expect(quantityProblem('1e41')).toBe('too large: Kubeplan computes with quantities below 10^40');
  });

  it('a vanishingly small value rounds up to one nano-unit at once, as upstream rounds', () => {
    expect(parseQuantity('1e-300000000').nano).toBe(1n);
    expect(parseQuantity('-1e-300000000').nano).toBe(-1n);
    expect(canonicalQuantity('0e-300000000')).toBe('0');
  });

  it('over-long quantities are refused by length, and a long run of digits ending badly is a format error', () => {
    expect(quantityProblem('1'.repeat(200_000))).toBe('quantities are at most 100 characters long (this one has 200,000)');
    expect(quantityProblem(`${'1'.repeat(99)}x`)).toBe(FORMAT_WRONG);
    expect(quantityProblem('1'.repeat(40))).toBeUndefined();
    expect(quantityProblem('1'.repeat(41))).toBe('too large: Kubeplan computes with quantities below 10^40');
  });

  it('validate reports a well-formed but out-of-range request on the field, quoting the value briefly', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1e300000000', memory: '9'.repeat(5000) } } }] },
    };
    const messages = validateObjects([pod as never]).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('spec.containers[0].resources.requests[cpu]: Invalid value: "1e300000000": too large: Kubeplan computes with quantities below 10^40');
    expect(messages).toContain(`spec.containers[0].resources.requests[memory]: Invalid value: "${'9'.repeat(64)}…": quantities are at most 100 characters long (this one has 5,000)`);
  });
});
