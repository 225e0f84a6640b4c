import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { ALL_CHANNELS, EVENTS, INVOKE, SEND } from '../../../shared/ipc/channels';
import { invokeSchemas, parsePayload, resultSchema, sendSchemas } from '../../../shared/ipc/schemas';
import { z } from 'zod';
import { deployment, design } from './fixtures/fakeEngine';

describe('the IPC channel table', () => {
  it('names every channel domain:verb, once', () => {
    for (const name of ALL_CHANNELS) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    expect(new Set(ALL_CHANNELS).size).toBe(ALL_CHANNELS.length);
  });

  it('has a request and a result schema for every invoke channel and a schema for every send channel', () => {
    for (const channel of Object.values(INVOKE)) {
      expect(invokeSchemas[channel]?.request, channel).toBeDefined();
      expect(invokeSchemas[channel]?.result, channel).toBeDefined();
    }
    for (const channel of Object.values(SEND)) expect(sendSchemas[channel], channel).toBeDefined();
    expect(Object.values(EVENTS)).toEqual(['menu:command', 'simulation:frames']);
  });
});

describe('request validation', () => {
  const save = invokeSchemas[INVOKE.saveDesign].request;

  it('accepts a real design and keeps fields it does not know (Kubernetes objects are open-ended)', () => {
    const d = design('shop', [deployment('web')]);
    const parsed = parsePayload(INVOKE.saveDesign, save, { design: d, path: '/tmp/shop.kubeplan.yaml' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.design.resources[0].object.spec).toEqual({ replicas: 2, 'x-unknown': { kept: true } });
  });

  it('refuses an object without kind, naming the channel and the field', () => {
    const d = design('shop', [deployment('web')]);
    delete (d.resources[0].object as { kind?: string }).kind;
    const parsed = parsePayload(INVOKE.saveDesign, save, { design: d });
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^design:save: invalid request — design\.resources\[0\]\.object\.kind: /) });
  });

  it('refuses a path with a NUL byte', () => {
    const parsed = parsePayload(INVOKE.openDesign, invokeSchemas[INVOKE.openDesign].request, { path: '/tmp/a\0b' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('path contains a NUL byte');
  });

  it('refuses unknown request fields (a typo is an error, not silently ignored)', () => {
    const parsed = parsePayload(INVOKE.openDesign, invokeSchemas[INVOKE.openDesign].request, { pth: '/tmp/x' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^design:open: invalid request — \(payload\): Unrecognized key/);
  });

  it.each([
    [INVOKE.openExample, { id: '../../etc/passwd' }],
    [INVOKE.exportManifests, { design: emptyDesign(), mode: 'zip' }],
    [INVOKE.importManifests, { paths: 'a.yaml' }],
    [INVOKE.backup, { snapshot: { design: { name: 'x' } } }],
    [INVOKE.runSimulation, { runId: '', design: emptyDesign() }],
    [INVOKE.listRecent, 'everything'],
    [INVOKE.saveDesign, undefined],
  ] as const)('refuses a bad %s payload', (channel, payload) => {
    const parsed = parsePayload(channel, invokeSchemas[channel].request, payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message.startsWith(`${channel}: invalid request — `)).toBe(true);
      expect(parsed.message).not.toContain('\n');
    }
  });

  it('caps the message at three issues and counts the rest', () => {
    const parsed = parsePayload(INVOKE.saveDesign, save, { design: { formatVersion: 'one', name: 1, resources: 2, layout: 3, cluster: 4 } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/\(\+2 more\)$/);
  });

  it('checks setDirty messages', () => {
    expect(sendSchemas[SEND.setDirty].safeParse({ dirty: true, title: 'shop' }).success).toBe(true);
    expect(sendSchemas[SEND.setDirty].safeParse({ dirty: 'yes', title: 'shop' }).success).toBe(false);
  });
});

describe('the Result envelope', () => {
  const schema = resultSchema(z.string());

  it('is either ok with a value or not ok with a one-line error', () => {
    expect(schema.safeParse({ ok: true, value: 'x' }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { message: 'bad', file: 'a.yaml', line: 3, code: 'yaml' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { message: 'bad', line: 0 } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, error: { message: 'bad' } }).success).toBe(false);
  });
});
