// The traffic report in both hosts: main's worker ops (real engine) and the browser worker's API give the same report, valid for the IPC schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engine } from '../../../../main/core/engineImpl';
import { createOps } from '../../../../main/core/ops';
import { workerApi } from '../../../../renderer/api/worker';
import { parseDesign } from '../../../../shared/design';
import { invokeSchemas } from '../../../../shared/ipc/schemas';
import { INVOKE } from '../../../../shared/ipc/channels';

const file = join(import.meta.dirname, '../../../../assets/examples/shop-default-deny.kubeplan.yaml');
const parsed = parseDesign(readFileSync(file, 'utf8'), file);
if ('error' in parsed) throw new Error(parsed.error.message);
const design = parsed.design;

describe('traffic:trace', () => {
  it('gives the same report in main and in the browser worker, and the report passes the IPC schema', () => {
    const main = createOps(engine).traceTraffic({ design });
    const browser = workerApi.traceTraffic(design);
    expect(browser).toEqual({ ok: true, value: main });
    expect(invokeSchemas[INVOKE.traceTraffic].result.safeParse(main).success).toBe(true);
    expect(main.flows.map((f) => f.name)).toEqual(['shoppers', 'api-direct', 'frontend-to-api', 'frontend-to-db']);
    expect(main.flows[1]!.routes.every((r) => r.verdict === 'denied' && r.reason.includes('shop/default-deny'))).toBe(true);
    expect(main.matrix.peers).toContain('shop/frontend[Deployment]');
    expect(main.waiting).toEqual([]);
  });

  it('checks the request like every other channel', () => {
    const bad = invokeSchemas[INVOKE.traceTraffic].request.safeParse({ design: { name: 1 } });
    expect(bad.success).toBe(false);
  });
});
