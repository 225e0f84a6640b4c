import { mkdtempSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/core/files';
import { decodeText, loadInputs } from '../../../main/core/inputs';
import { emptyDesign, serializeDesign } from '../../../shared/design';

const cm = (name: string, ns = 'shop') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kubeplan-inputs-'));
}

describe('loadInputs', () => {
  it('reads YAML and JSON files and folders recursively, in a stable order, skipping other files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'b', 'deep', 'z.yml'), cm('z'));
    writeFileSync(join(dir, 'a.yaml'), `${cm('a1')}---\n${cm('a2')}`);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }));
    writeFileSync(join(dir, 'README.md'), '# not a manifest: [');
    writeFileSync(join(dir, '.git', 'x.yaml'), 'not: [valid');
    const r = await loadInputs([dir]);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => [o.object.metadata.name, o.source.file.slice(dir.length + 1), o.source.line])).toEqual([
      ['a1', 'a.yaml', 1],
      ['a2', 'a.yaml', 7],
      ['z', join('b', 'deep', 'z.yml'), 1],
      ['c', 'c.json', 1],
    ]);
    expect(r.files).toBe(3);
  });

  it('reads a design file with its layout, and its objects with their lines', async () => {
    const dir = tempDir();
    const d = emptyDesign('shop');
    d.resources = [{ id: 'r1', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }];
    d.layout.positions.r1 = { x: 1, y: 2 };
    writeFileSync(join(dir, 'shop.kubeplan.yaml'), serializeDesign(d));
    writeFileSync(join(dir, 'extra.yaml'), cm('extra'));
    const r = await loadInputs([join(dir, 'shop.kubeplan.yaml'), join(dir, 'extra.yaml')]);
    expect(r.errors).toEqual([]);
    expect(r.design?.layout.positions.r1).toEqual({ x: 1, y: 2 });
    expect(r.designFile).toBe(join(dir, 'shop.kubeplan.yaml'));
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['c', 'extra']);
    expect(r.objects[0]!.source.line).toBeGreaterThan(1);
  });

  it('recognises a design by its content even without the .kubeplan.yaml name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'design.yaml'), serializeDesign(emptyDesign('x')));
    const r = await loadInputs([join(dir, 'design.yaml')]);
    expect(r.design?.name).toBe('x');
  });

  it('a folder with unreadable and bad files: an error naming each, the others still load', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), cm('good'));
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: [\n');
    symlinkSync(join(dir, 'missing-target.yaml'), join(dir, 'dangling.yaml'));
    const r = await loadInputs([dir, join(dir, 'nope.yaml')]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['good']);
    expect(r.errors).toEqual([
      { file: join(dir, 'bad.yaml'), line: 3, message: expect.stringMatching(/^malformed YAML/) },
      { file: join(dir, 'dangling.yaml'), message: 'cannot read: no such file or folder' },
      { file: join(dir, 'nope.yaml'), message: 'cannot read: no such file or folder' },
    ]);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)('a file without read permission is named in an error (skipped when running as root, who can read anything)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.yaml'), cm('s'));
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const r = await loadInputs([dir]);
    expect(r.errors).toEqual([{ file: join(dir, 'secret.yaml'), message: 'cannot read: permission denied' }]);
  });

  it('refuses a 50 MB file from its size, before reading it', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB of NULs that are never read
    closeSync(fd);
    const r = await loadInputs([file]);
    expect(r.errors).toEqual([{ file, message: 'file is 50.0 MB, over the 32.0 MB limit' }]);
    expect(r.files).toBe(0);
  });

  it('refuses binary garbage at its first line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logo.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = await loadInputs([join(dir, 'logo.yaml')]);
    expect(r.errors).toEqual([{ file: join(dir, 'logo.yaml'), line: 1, message: expect.stringMatching(/invalid UTF-8|binary data/) }]);
  });

  it('reads the same file only once, even through a second path or a symlinked folder loop', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), cm('a'));
    symlinkSync(dir, join(dir, 'loop'));
    const r = await loadInputs([dir, join(dir, 'a.yaml')]);
    expect(r.objects).toHaveLength(1);
    expect(r.errors).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole file, creating folders, and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'out', 'all.yaml');
    await writeFileAtomic(file, 'a: 1\n');
    await writeFileAtomic(file, 'b: 2\n');
    expect(readFileSync(file, 'utf8')).toBe('b: 2\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['all.yaml']);
  });

  it('leaves the old file untouched when the write fails', async () => {
    const dir = tempDir();
    const file = join(dir, 'keep.yaml');
    writeFileSync(file, 'old\n');
    // A folder in the way of the temporary file's rename target makes the write fail.
    await expect(writeFileAtomic(join(file, 'child.yaml'), 'new\n')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });
});

describe('decodeText', () => {
  it('decodes UTF-8, dropping a byte-order mark and keeping U+FFFD written on purpose', () => {
    expect(decodeText(Buffer.from('\uFEFFname: caf\u00e9 \uFFFD \u{1F600}\n', 'utf8'))).toBe('name: caf\u00e9 \uFFFD \u{1F600}\n');
  });

  it('finds the line of the first invalid UTF-8 byte', () => {
    expect(decodeText(Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]))).toEqual({ line: 2, message: 'invalid UTF-8 text (binary data?), not YAML or JSON' });
    expect(decodeText(Buffer.from([0x61, 0x0a, 0xed, 0xa0, 0x80]))).toMatchObject({ line: 2 }); // an encoded surrogate
    expect(decodeText(Buffer.from([0x61, 0xe2, 0x82]))).toMatchObject({ line: 1 }); // cut short
  });

  it('reports whichever comes first, a NUL byte or invalid UTF-8', () => {
    expect(decodeText(Buffer.from([0x61, 0x0a, 0x00, 0xff]))).toEqual({ line: 2, message: 'binary data (NUL byte), not YAML or JSON text' });
    expect(decodeText(Buffer.from([0xff, 0x0a, 0x00]))).toEqual({ line: 1, message: 'invalid UTF-8 text (binary data?), not YAML or JSON' });
  });
});
