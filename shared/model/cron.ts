/**
 * Cron schedules as the CronJob controller and the API server's validation read them: robfig/cron
 * v3's standard parser (five fields or an @-macro), its error messages verbatim. Pure: imports
 * nothing of the simulator, so validation and the controller share it without a cycle.
 */

// A Map, not an object literal: a schedule such as "toString" must not find Object.prototype's members.
const CRON_MACROS = new Map(Object.entries({ '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *' }));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Field bounds and names as robfig/cron v3's standard parser (the one the API server validates with) has them. */
const CRON_FIELDS: { min: number; max: number; names?: string[]; first?: number }[] = [
  { min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS, first: 1 }, { min: 0, max: 6, names: DAYS, first: 0 },
];

/**
 * Compile a cron schedule (minute hour day-of-month month day-of-week, or an @-macro), or say why
 * not in robfig/cron v3's words (parser.go getRange), which the API server quotes:
 * `spec.schedule: Invalid value: "*\/0 * * * *": step of range should be a positive number: *\/0`.
 */
export function compileCron(schedule: string): { match: (d: Date) => boolean } | { error: string } {
  let r = compiled.get(schedule);
  if (!r) {
    if (compiled.size > 1000) compiled.clear();
    compiled.set(schedule, (r = compileUncached(schedule)));
  }
  return r;
}

const compiled = new Map<string, ReturnType<typeof compileCron>>();

function compileUncached(schedule: string): ReturnType<typeof compileCron> {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@') && !CRON_MACROS.has(trimmed)) return { error: `unrecognized descriptor: ${trimmed}` };
  const parts = (CRON_MACROS.get(trimmed) ?? trimmed).split(/\s+/).filter(Boolean);
  if (parts.length !== 5) return { error: `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]` };
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const set = new Set<number>();
    for (const item of parts[i].split(',')) {
      const r = cronRange(item, CRON_FIELDS[i]);
      if (typeof r === 'string') return { error: r };
      for (let v = r.start; v <= r.end; v += r.step) set.add(v);
    }
    sets.push(set);
  }
  return { match: (d) => sets[0].has(d.getUTCMinutes()) && sets[1].has(d.getUTCHours()) && sets[2].has(d.getUTCDate()) && sets[3].has(d.getUTCMonth() + 1) && sets[4].has(d.getUTCDay()) };
}

/** One comma-separated item of a field: `*`, `?`, `5`, `1-5`, `*\/15`, `10/5`, `mon-fri`. */
function cronRange(expr: string, field: (typeof CRON_FIELDS)[number]): { start: number; end: number; step: number } | string {
  const [range, ...steps] = expr.split('/');
  const bounds = range.split('-');
  let start: number;
  let end: number;
  if (bounds[0] === '*' || bounds[0] === '?') [start, end] = [field.min, field.max];
  else {
    if (bounds.length > 2) return `too many hyphens: ${expr}`;
    const lo = cronInt(bounds[0], field);
    if (typeof lo === 'string') return lo;
    const hi = bounds.length === 2 ? cronInt(bounds[1], field) : lo;
    if (typeof hi === 'string') return hi;
    [start, end] = [lo, hi];
  }
  let step = 1;
  if (steps.length > 1) return `too many slashes: ${expr}`;
  if (steps.length === 1) {
    const n = cronInt(steps[0]);
    if (typeof n === 'string') return n;
    step = n;
    if (bounds.length === 1 && bounds[0] !== '*' && bounds[0] !== '?') end = field.max;
  }
  if (start < field.min) return `beginning of range (${start}) below minimum (${field.min}): ${expr}`;
  if (end > field.max) return `end of range (${end}) above maximum (${field.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return { start, end, step };
}

function cronInt(text: string, field?: (typeof CRON_FIELDS)[number]): number | string {
  const named = field?.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (field?.first ?? 0);
  if (!/^[+-]?\d+$/.test(text) || text.replace(/^[+-]?0*/, '').length > 9) return `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": ${/^[+-]?\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`;
  const n = Number(text);
  if (n < 0) return `negative number (${n}) not allowed: ${text}`;
  return n;
}

/** A cron schedule's matcher, or undefined when the schedule does not parse (see compileCron). */
export function parseCron(schedule: string): ((d: Date) => boolean) | undefined {
  const r = compileCron(schedule);
  return 'match' in r ? r.match : undefined;
}
