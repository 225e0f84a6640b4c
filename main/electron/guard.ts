/**
 * Every invoke handler runs behind this guard: the sender must be our app:// page, the payload
 * must match the channel's zod schema, and nothing thrown escapes as anything but a Result.
 */
import type { Result } from '../../shared/ipc/api';
import type { InvokePayloads } from '../../shared/ipc/contract';
import { invokeSchemas, parsePayload } from '../../shared/ipc/schemas';
import type { Handler, HandlerContext } from '../core/handlers';
import { fail, toApiError } from '../core/result';
import { isTrustedSender } from './security';

export interface SenderEvent {
  senderFrame: { url: string } | null;
}

export function guardInvoke<C extends keyof InvokePayloads>(channel: C, handler: Handler<C>, context: (event: SenderEvent) => HandlerContext) {
  return async (event: SenderEvent, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return fail({ message: `${channel}: refused, the request did not come from the Kubeplan window`, code: 'forbidden' });
    const parsed = parsePayload(channel, invokeSchemas[channel].request, payload);
    if (!parsed.ok) return fail({ message: parsed.message, code: 'invalid' });
    try {
      return await handler(parsed.value as InvokePayloads[C], context(event));
    } catch (err) {
      return fail(toApiError(err));
    }
  };
}
