/** `picture:save`: the host asks where, checks the bytes are the picture they claim, writes atomically. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupStore } from '../../../main/core/backup';
import type { Dialogs } from '../../../main/core/dialogs';
import { writeFileAtomic } from '../../../main/core/files';
import { createHandlers } from '../../../main/core/handlers';
import { RecentFiles } from '../../../main/core/recent';
import { INVOKE } from '../../../shared/ipc/channels';
import { invokeSchemas, parsePayload } from '../../../shared/ipc/schemas';
import { inProcessWork } from './fixtures/fakeWork';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const ctx = { sendFrames: () => undefined };

function setup(answer: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-picture-'));
  mkdirSync(join(dir, 'userData'));
  const asked: { defaultPath?: string; filters?: { extensions: string[] }[] }[] = [];
  const dialogs: Dialogs = {
    open: async () => undefined,
    save: async (o: { defaultPath?: string; filters?: { extensions: string[] }[] }) => {
      asked.push(o);
      return answer === undefined ? undefined : join(dir, answer);
    },
  } as unknown as Dialogs;
  const write = (p: string, d: string) => writeFileAtomic(p, d);
  const handlers = createHandlers({
    dialogs, work: inProcessWork(), write, examplesDir: dir,
    recent: new RecentFiles(join(dir, 'userData', 'recent.json'), write),
    backups: new BackupStore(join(dir, 'userData', 'backup.json'), write),
  });
  return { dir, asked, handlers };
}

describe('picture:save', () => {
  it('writes an SVG where the user chose, offering <design>.svg', async () => {
    const { dir, asked, handlers } = setup('shop.svg');
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    expect(await handlers[INVOKE.savePicture]({ format: 'svg', name: 'three-tier-shop', data: svg }, ctx)).toEqual({ ok: true, value: join(dir, 'shop.svg') });
    expect(readFileSync(join(dir, 'shop.svg'), 'utf8')).toBe(svg);
    expect(asked[0]).toMatchObject({ defaultPath: 'three-tier-shop.svg', filters: [{ extensions: ['svg'] }] });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('decodes a base64 PNG and writes its bytes', async () => {
    const { dir, handlers } = setup('shop.png');
    expect(await handlers[INVOKE.savePicture]({ format: 'png', name: 'shop', data: PNG.toString('base64') }, ctx)).toEqual({ ok: true, value: join(dir, 'shop.png') });
    expect(readFileSync(join(dir, 'shop.png')).equals(PNG)).toBe(true);
  });

  it('refuses bytes that are not the format named, before asking anything', async () => {
    const { asked, handlers } = setup('x.png');
    expect(await handlers[INVOKE.savePicture]({ format: 'png', name: 'x', data: Buffer.from('#!/bin/sh\n').toString('base64') }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await handlers[INVOKE.savePicture]({ format: 'svg', name: 'x', data: 'apiVersion: v1' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(asked).toEqual([]);
  });

  it('a cancelled dialog writes nothing; a name with slashes is only a file name', async () => {
    const { dir, asked, handlers } = setup(undefined);
    expect(await handlers[INVOKE.savePicture]({ format: 'svg', name: '../../etc/passwd', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' }, ctx)).toEqual({ ok: true, value: undefined });
    expect(asked[0]!.defaultPath).toBe('passwd.svg');
    expect(readdirSync(dir)).toEqual(['userData']);
  });

  it('the payload schema rejects an unknown format and oversized data', () => {
    const schema = invokeSchemas[INVOKE.savePicture].request;
    expect(parsePayload(INVOKE.savePicture, schema, { format: 'gif', name: 'x', data: '' }).ok).toBe(false);
    expect(parsePayload(INVOKE.savePicture, schema, { format: 'svg', name: 'x', data: 'x'.repeat(64 * 1024 * 1024 + 1) }).ok).toBe(false);
  });
});
