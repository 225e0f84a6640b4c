/**
 * The API server's field validation (fieldRules.ts) as validation problems: negative replicas and
 * Job counts, an empty container list, a CronJob schedule the API server cannot parse, port
 * numbers out of range, a nodePort outside the node port range.
 */
import { fieldRuleErrors } from './fieldRules';
import { problemFor } from './problem';
import type { Check } from './types';

const HINTS: [RegExp, string][] = [
  [/\.nodePort$/, 'Leave nodePort out to let the cluster pick one, or choose a port in 30000-32767 (the default --service-node-port-range).'],
  [/\.schedule$/, 'Write a five-field cron schedule (minute hour day-of-month month day-of-week), e.g. "*/5 * * * *".'],
  [/containers$/, 'A pod needs at least one container (name and image).'],
];

export const checkFieldRules: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    if (!o || typeof o !== 'object' || typeof o.kind !== 'string') continue;
    for (const e of fieldRuleErrors(o)) {
      if (e.rule === 'decode') continue; // the schema check says so in its words
      if (e.rule === 'request-limit') continue; // checkContainers says so, with the namespace's LimitRange defaults
      if (e.rule === 'unconnected') continue; // checkUnconnected says so, with how to connect it
      const hint = HINTS.find(([re]) => re.test(e.path))?.[1];
      report(problemFor(o, 'error', e.rule as 'field' | 'port-range', e.path, e.message, hint));
    }
  }
};
