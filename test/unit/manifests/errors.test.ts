import { describe, expect, it } from 'vitest';
import { formatManifestError, MAX_FILE_BYTES, parseManifests, type ManifestError } from '../../../shared/manifests';

const good = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

function oneError(text: string, file = 'bad.yaml'): ManifestError {
  const { errors } = parseManifests(text, file);
  expect(errors).toHaveLength(1);
  const e = errors[0]!;
  expect(e.file).toBe(file);
  expect(formatManifestError(e)).not.toContain('\n');
  return e;
}

describe('bad input gives one line naming file and line', () => {
  it('malformed YAML: the line js-yaml stopped at, and the other documents still load', () => {
    const text = `${good('a')}---\nmetadata:\n  name: [unclosed\n---\n${good('b')}`;
    const { objects, errors } = parseManifests(text, 'shop.yaml');
    expect(objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(8);
    expect(formatManifestError(errors[0]!)).toMatch(/^shop\.yaml:8: malformed YAML: .+ \(column \d+\)$/);
  });

  it('a tab-indented document is malformed YAML with its line', () => {
    const e = oneError(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n`);
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^malformed YAML/);
  });

  it('duplicate keys are malformed YAML at the duplicate', () => {
    const e = oneError(`apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: { name: x }\n`);
    expect(e.line).toBe(3);
    expect(e.message).toContain('duplicated mapping key');
  });

  it('a document that is not a mapping', () => {
    const e = oneError(`${good('a')}---\n- just\n- a list\n`);
    expect(e).toEqual({ file: 'bad.yaml', line: 6, message: 'document is a sequence, not a Kubernetes object (a mapping with apiVersion and kind)' });
    const s = oneError('just a string\n');
    expect(s.message).toBe('document is a string, not a Kubernetes object (a mapping with apiVersion and kind)');
    expect(s.line).toBe(1);
  });

  it('missing apiVersion', () => {
    expect(oneError(`${good('a')}---\nkind: Service\nmetadata: { name: web }\n`)).toEqual({ file: 'bad.yaml', line: 6, message: 'Service "web" has no apiVersion' });
  });

  it('missing kind', () => {
    expect(oneError(`apiVersion: v1\nmetadata: { name: web }\n`)).toEqual({ file: 'bad.yaml', line: 1, message: 'object "web" has no kind' });
  });

  it('missing metadata.name', () => {
    expect(oneError(`\n\napiVersion: v1\nkind: Service\nmetadata: { labels: { a: b } }\n`)).toEqual({ file: 'bad.yaml', line: 3, message: 'Service has no metadata.name' });
    expect(oneError(`apiVersion: v1\nkind: Service\n`).message).toBe('Service has no metadata');
  });

  it('a bad item inside a List names the item line', () => {
    const e = oneError(`apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: ok }\n  - kind: ConfigMap\n    metadata: { name: bad }\n`);
    expect(e).toEqual({ file: 'bad.yaml', line: 7, message: 'ConfigMap "bad" has no apiVersion' });
  });

  it('an alias bomb (billion laughs) is refused without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const e = oneError(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata:\n  ${levels.join('\n  ')}\n`, 'bomb.yaml');
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/alias bomb/);
  });

  it('too many aliases in one document', () => {
    const e = oneError(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\nv: &v 1\nlist: [${Array(1500).fill('*v').join(', ')}]\n`);
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/aliases in one document/);
  });

  it('nesting 10,000 deep is refused at the line where it gets too deep', () => {
    const e = oneError(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^malformed YAML: nested more than \d+ levels deep/);
  });

  it('a file over the size limit is refused before parsing, saying the limit', () => {
    const huge = 'a'.repeat(MAX_FILE_BYTES + 1);
    const { objects, errors } = parseManifests(huge, 'huge.yaml');
    expect(objects).toEqual([]);
    expect(errors).toEqual([{ file: 'huge.yaml', message: 'file is 32.0 MB, over the 32.0 MB limit for manifests' }]);
  });

  it('binary garbage is refused at the first NUL byte', () => {
    const e = oneError(`apiVersion: v1\n\u0000\u0001\u0002\u00ff\u0000`, 'image.png');
    expect(e).toEqual({ file: 'image.png', line: 2, message: 'binary data (NUL byte), not YAML or JSON text' });
  });

  it('many broken documents are summarised after twenty errors', () => {
    const text = Array.from({ length: 30 }, () => '- not an object\n').join('---\n');
    const { errors } = parseManifests(text, 'many.yaml');
    expect(errors).toHaveLength(21);
    expect(errors[20]!.message).toBe('10 more errors in this file not shown');
  });
});
