import { describe, expect, it, vi } from 'vitest';
import { INVOKE } from '../../../shared/ipc/channels';
import { guardInvoke } from '../../../main/electron/guard';

const app = { senderFrame: { url: 'app://kubeplan/index.html' } };
const context = () => ({ sendFrames: () => undefined });

describe('guarded IPC handlers', () => {
  it('runs the handler with the validated payload for our own page', async () => {
    const handler = vi.fn(async ({ id }: { id: string }) => ({ ok: true as const, value: { design: { id } as never, warnings: [] } }));
    const guarded = guardInvoke(INVOKE.openExample, handler, context);
    const result = await guarded(app, { id: 'hello-minikube' });
    expect(handler).toHaveBeenCalledWith({ id: 'hello-minikube' }, expect.anything());
    expect(result.ok).toBe(true);
  });

  it('refuses a request from another page without running the handler', async () => {
    const handler = vi.fn();
    const guarded = guardInvoke(INVOKE.listRecent, handler, context);
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/index.html' }, null]) {
      expect(await guarded({ senderFrame }, {})).toEqual({ ok: false, error: { message: 'recent:list: refused, the request did not come from the Kubeplan window', code: 'forbidden' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an invalid payload before the handler runs, with a one-line message', async () => {
    const handler = vi.fn();
    const guarded = guardInvoke(INVOKE.openExample, handler, context);
    const result = await guarded(app, { id: '../secrets' });
    expect(handler).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: false, error: { message: expect.stringMatching(/^examples:open: invalid request — id: example ids are lowercase/), code: 'invalid' } });
  });

  it('turns a throwing handler into an error result, first line only', async () => {
    const guarded = guardInvoke(INVOKE.listRecent, async () => {
      throw new Error('disk on fire\n    at somewhere (stack.js:1:1)');
    }, context);
    expect(await guarded(app, {})).toEqual({ ok: false, error: { message: 'disk on fire', code: 'internal' } });
  });
});
