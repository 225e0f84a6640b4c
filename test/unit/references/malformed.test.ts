import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { referenceRules } from '../../../shared/references';
import { connect } from '../../../shared/references/connect';
import { malformedObject } from '../model/malformedObjects';

describe('references of malformed objects', () => {
  it('resolve without throwing, whatever sits where a field should be', () => {
    fc.assert(
      fc.property(fc.array(malformedObject, { minLength: 1, maxLength: 12 }), (objects) => {
        // Each rule on its own: resolveReferences would also swallow a throw, losing that object's edges.
        const index = new ObjectIndex(objects);
        for (const o of index.objects) for (const rule of referenceRules().get(o.kind) ?? []) rule.resolve(o, index);
      }),
      { numRuns: 400 },
    );
  });

  it('connect never throws either: it writes the field or says why not', () => {
    fc.assert(
      fc.property(malformedObject, malformedObject, (a, b) => {
        const result = connect(a, b, new ObjectIndex([a, b]));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });
});
