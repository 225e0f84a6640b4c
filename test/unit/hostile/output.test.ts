/**
 * `-o` never destroys what the user has: not an input, not a device or pipe; `-o -` is standard
 * output; a folder export names (or with --clean removes) files of an earlier export; folder
 * import stays inside the folder it was given.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeplan, workdir } from './cli-run';

const cm = (name: string, ns = 'default') => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\n`;

describe('-o that would destroy a file', () => {
  it('refuses `import m.yaml -o m.yaml` with exit 2 and leaves the manifest untouched', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'm.yaml'), cm('a'));
    const run = await kubeplan(dir, 'import', 'm.yaml', '-o', 'm.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kubeplan import: -o m.yaml is one of the inputs: writing would replace it (add --force to overwrite it anyway)\n');
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toBe(cm('a'));
  });

  it('refuses `export d.kubeplan.yaml -o d.kubeplan.yaml` (also through another path to it) unless --force', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'm.yaml'), cm('a'));
    expect((await kubeplan(dir, 'import', 'm.yaml', '-o', 'd.kubeplan.yaml')).code).toBe(0);
    const design = readFileSync(join(dir, 'd.kubeplan.yaml'), 'utf8');
    mkdirSync(join(dir, 'sub'));
    const run = await kubeplan(join(dir, 'sub'), 'export', '../d.kubeplan.yaml', '-o', join(dir, 'd.kubeplan.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kubeplan export: -o .*d\.kubeplan\.yaml is one of the inputs/);
    expect(readFileSync(join(dir, 'd.kubeplan.yaml'), 'utf8')).toBe(design);
    expect((await kubeplan(dir, 'export', 'd.kubeplan.yaml', '-o', 'd.kubeplan.yaml', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'd.kubeplan.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n');
  });

  it('refuses a folder export that would replace one of its input files', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'default.yaml'), cm('a'));
    const run = await kubeplan(dir, 'export', '.', '-o', './');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kubeplan export: -o default.yaml is one of the inputs: writing would replace it (add --force to overwrite it anyway)\n');
    expect(readFileSync(join(dir, 'default.yaml'), 'utf8')).toBe(cm('a'));
  });

  it('refuses a device or a pipe, and writes to standard output for -o -', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'm.yaml'), cm('a'));
    // As root, a regression would replace the device: so root gets a null device of its own to lose.
    const device = process.getuid?.() === 0 ? join(dir, 'null') : '/dev/null';
    if (device !== '/dev/null') execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    const devnull = await kubeplan(dir, 'export', 'm.yaml', '-o', device);
    expect(devnull).toEqual({ code: 2, stdout: '', stderr: `kubeplan export: -o ${device}: not a regular file (a device); refusing to replace it\n` });
    expect(statSync(device).isCharacterDevice()).toBe(true);
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const pipe = await kubeplan(dir, 'import', 'm.yaml', '-o', 'pipe');
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toBe('kubeplan import: -o pipe: not a regular file (a pipe); refusing to replace it\n');
    const stdout = await kubeplan(dir, 'export', 'm.yaml', '-o', '-');
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});

describe('exporting into a folder again', () => {
  it('names files of an earlier export that no longer belong, and removes them only with --clean', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'two.yaml'), `${cm('a', 'team-a')}---\n${cm('b', 'team-b')}`);
    writeFileSync(join(dir, 'one.yaml'), cm('a', 'team-a'));
    expect((await kubeplan(dir, 'export', 'two.yaml', '-o', 'out/')).code).toBe(0);
    writeFileSync(join(dir, 'out', 'mine.yaml'), cm('kept'));
    const again = await kubeplan(dir, 'export', 'one.yaml', '-o', 'out/');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('warning: team-b.yaml in out/ is from an earlier export and no longer belongs; remove it or export again with --clean\n');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['mine.yaml', 'team-a.yaml', 'team-b.yaml']);
    const clean = await kubeplan(dir, 'export', 'one.yaml', '-o', 'out/', '--clean');
    expect(clean.stdout).toBe('exported 1 object to out/ (team-a.yaml)\nremoved team-b.yaml (from an earlier export, no longer exported)\n');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['mine.yaml', 'team-a.yaml']);
  });
});

describe('folder import and symlinks', () => {
  it('does not follow a symlink out of the named folder', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'apps'));
    mkdirSync(join(dir, 'secrets'));
    writeFileSync(join(dir, 'apps', 'a.yaml'), cm('a'));
    writeFileSync(join(dir, 'apps', 'inside.yaml'), cm('inside'));
    writeFileSync(join(dir, 'secrets', 'token.yaml'), cm('token'));
    symlinkSync(join(dir, 'secrets'), join(dir, 'apps', 'linked'));
    symlinkSync(join(dir, 'secrets', 'token.yaml'), join(dir, 'apps', 'token.yaml'));
    symlinkSync(join(dir, 'apps', 'inside.yaml'), join(dir, 'apps', 'z-alias.yaml'));
    const run = await kubeplan(dir, 'export', 'apps');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/token/);
    expect(run.stdout).toMatch(/name: inside/);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `warning: apps/linked: a link to ${join(dir, 'secrets')}, outside apps; not followed`,
      `warning: apps/token.yaml: a link to ${join(dir, 'secrets', 'token.yaml')}, outside apps; not followed`,
    ]);
    // A file the user names explicitly is read wherever it is.
    expect((await kubeplan(dir, 'export', 'apps/token.yaml')).stdout).toMatch(/name: token/);
  });
});
