import { describe, expect, it } from 'vitest';
import { formatReport, validateSourced } from '../../../shared/validation';
import { deployment, loose, object, service } from './helpers';

describe('problems located in files and printed', () => {
  it('prints compiler-style lines in file and line order, hints indented, then a summary', () => {
    const web = deployment('web', 'shop', { selector: { matchLabels: { app: 'web' } }, labels: { app: 'other' } });
    const report = validateSourced([
      { object: service('web', 'shop', { app: 'nothing' }), source: { file: 'b.yaml', line: 1 } },
      { object: web, source: { file: 'a.yaml', line: 12 } },
      { object: object('v1', 'Namespace', 'Shop', undefined), source: { file: 'a.yaml', line: 1 } },
    ]);
    expect(report).toMatchObject({ objects: 3, errors: 2, warnings: 1 });
    expect(formatReport(report).split('\n')).toEqual([
      expect.stringMatching(/^a\.yaml:1: error: Namespace Shop: metadata\.name: Invalid value: "Shop": a lowercase RFC 1123 label/),
      expect.stringMatching(/^ {4}hint: /),
      'a.yaml:12: error: Deployment shop/web: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
      '    hint: Give the pod template the labels the selector asks for (app: web), or change spec.selector.',
      'b.yaml:1: warning: Service shop/web: spec.selector: Service "web" selects no pods: nothing in namespace "shop" has labels app=nothing',
      "    hint: Change the selector to match a workload's pod template labels, or connect the Service to a workload.",
      '3 objects: 2 errors, 1 warning',
      '',
    ]);
  });

  it('a duplicate is reported at the line of its second definition', () => {
    const report = validateSourced([
      { object: deployment('web'), source: { file: 'app.yaml', line: 1 } },
      { object: deployment('web'), source: { file: 'app.yaml', line: 30 } },
    ]);
    expect(report.problems.map((p) => [p.rule, p.file, p.line])).toEqual([['duplicate', 'app.yaml', 30]]);
  });

  it('objects without a file (from a design) are printed without a location, last', () => {
    const broken = deployment('api');
    loose(broken).spec.replicas = 'x';
    const report = validateSourced([{ object: broken }, { object: service('x', 'shop', { app: 'none' }), source: { file: 'x.yaml', line: 3 } }]);
    const text = formatReport(report).split('\n');
    expect(text[0]).toMatch(/^x\.yaml:3: warning: Service shop\/x: /);
    expect(text[2]).toMatch(/^error: Deployment shop\/api: spec\.replicas: /);
  });

  it('says so when nothing is wrong', () => {
    expect(formatReport(validateSourced([{ object: deployment('web'), source: { file: 'a.yaml', line: 1 } }]))).toBe('1 object: no problems\n');
  });
});
