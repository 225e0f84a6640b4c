/**
 * The typed channel table shared by main and preload, inferred from ./schemas.ts: for each invoke
 * channel, the payload a handler receives and the value its Result carries. Type-only: the
 * preload bundle never loads zod.
 */
import type { z } from 'zod';
import type { invokeSchemas } from './schemas';

type InvokeSchemas = typeof invokeSchemas;

export type InvokePayloads = { [C in keyof InvokeSchemas]: z.output<InvokeSchemas[C]['request']> };
export type InvokeValues = { [C in keyof InvokeSchemas]: z.output<InvokeSchemas[C]['result']> };
