/** The three-tier-shop example as a design, and a scenario long enough to stream several batches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../../../shared/design/types';
import { parseDesign } from '../../../shared/design';

export function shopDesign(): Design {
  const file = join(import.meta.dirname, '..', '..', '..', 'assets', 'examples', 'three-tier-shop.kubeplan.yaml');
  const parsed = parseDesign(readFileSync(file, 'utf8'), file);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.design;
}

/** Scales the frontend up and down `rounds` times, 3 s apart: about two timeline frames per round. */
export function scalingScenario(rounds = 60): string {
  const steps: string[] = [];
  for (let i = 0; i < rounds; i++) steps.push(`  - scale: {target: deployment/frontend, namespace: shop, replicas: ${i % 2 ? 3 : 5}}`, '  - wait: 3s');
  return `steps:\n${steps.join('\n')}\n`;
}
