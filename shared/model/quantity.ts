/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`) with exact fixed-point arithmetic.
 * Follows apimachinery pkg/api/resource/quantity.go: values are kept exactly (BigInt), anything
 * below 1n rounds up, and the canonical form keeps the input's format family.
 */

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano units (value × 10^9), rounded up (away from zero) as upstream does. */
  readonly nano: bigint;
  readonly format: QuantityFormat;
}

/** Upstream's ErrFormatWrong. */
export const FORMAT_WRONG = `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
/** Upstream's ErrSuffix: an exponent that does not fit an int32 (suffix.go interpret). */
const SUFFIX_WRONG = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {
  constructor(
    readonly input: string,
    message = FORMAT_WRONG,
  ) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

/**
 * Real quantities are a few characters; these bounds keep hostile ones (200,000 digits, `1e300000000`)
 * from costing seconds of BigInt work. Upstream computes such values with unbounded decimals; Kubeplan
 * refuses them with a message instead.
 */
export const MAX_QUANTITY_LENGTH = 100;
/** Largest order of magnitude computed with (10^40, far beyond any cluster: 2^63 bytes is ~9.2e18). */
export const MAX_QUANTITY_DIGITS = 40;
const MAX_INT32 = 2 ** 31 - 1;

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter backtracks quadratically on a long run of digits that then fails.
const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const NANO = 1_000_000_000n;

const cache = new Map<string, Quantity>();

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Divide rounding away from zero (upstream rounds values finer than 1n up). */
function divRoundUp(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den === 0n ? q : num > 0n ? q + 1n : q - 1n;
}

export function parseQuantity(input: string | number): Quantity {
  const text = typeof input === 'number' ? String(input) : input.trim();
  const hit = cache.get(text);
  if (hit) return hit;
  if (text.length > MAX_QUANTITY_LENGTH) throw new QuantityParseError(text.slice(0, 20), `quantities are at most ${MAX_QUANTITY_LENGTH} characters long (this one has ${text.length.toLocaleString('en-US')})`);
  const m = QUANTITY_RE.exec(text);
  if (!m) throw new QuantityParseError(text);
  const [, sign, number, suffix = ''] = m;
  const [intPart, fracPart = ''] = number.split('.');
  // digits as an integer scaled by 10^-fracPart.length
  let mantissa = BigInt((intPart || '0') + fracPart);
  let exp10 = -fracPart.length;
  let binExp = 0;
  let format: QuantityFormat;
  if (suffix in BINARY) {
    format = 'BinarySI';
    binExp = BINARY[suffix];
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    exp10 += DECIMAL[suffix];
  } else {
    format = 'DecimalExponent';
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > MAX_INT32) throw new QuantityParseError(text, SUFFIX_WRONG);
    exp10 += exponent;
  }
  const digits = (intPart || '0').replace(/^0+/, '').length + fracPart.length;
  if (mantissa !== 0n && digits + exp10 + Math.ceil(binExp * Math.LOG10E * Math.LN2) > MAX_QUANTITY_DIGITS) {
    throw new QuantityParseError(text, `too large: Kubeplan computes with quantities below 10^${MAX_QUANTITY_DIGITS}`);
  }
  if (sign === '-') mantissa = -mantissa;
  mantissa <<= BigInt(binExp);
  // value = mantissa × 10^exp10; express in nano units, rounding up
  const shift = exp10 + 9;
  // Far below one nano-unit, the value rounds up to ±1n without computing 10^-shift.
  const tiny = shift < -(digits + 1);
  const nano = mantissa === 0n ? 0n : tiny ? (mantissa > 0n ? 1n : -1n) : shift >= 0 ? mantissa * pow10(shift) : divRoundUp(mantissa, pow10(-shift));
  const q: Quantity = { nano, format };
  if (cache.size > 50_000) cache.clear();
  cache.set(text, q);
  return q;
}

/** Why a value is not a quantity Kubeplan computes with (upstream's wording where upstream refuses it too), or undefined. */
export function quantityProblem(input: unknown): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return FORMAT_WRONG;
  try {
    parseQuantity(input);
    return undefined;
  } catch (err) {
    if (err instanceof QuantityParseError) return err.message;
    throw err;
  }
}

/** A value as an error message quotes it: at most 64 characters, so a 200 KB value stays one short line. */
export function quoteValue(v: unknown): string {
  const s = String(v);
  return JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}…` : s);
}

export function isQuantity(input: unknown): boolean {
  if (typeof input !== 'string' && typeof input !== 'number') return false;
  try {
    parseQuantity(input);
    return true;
  } catch {
    return false;
  }
}

/** The canonical string, as `kubectl get -o yaml` would print it. */
export function formatQuantity(q: Quantity): string {
  const { nano } = q;
  if (nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values are printed in decimal (upstream CanonicalizeBytes).
    const small = nano > -1024n * NANO && nano < 1024n * NANO;
    if (small || nano % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let value = nano / NANO;
    let e = 0;
    while (e < 60 && value % 1024n === 0n && value !== 0n) {
      value /= 1024n;
      e += 10;
    }
    const suffix = Object.keys(BINARY).find((k) => BINARY[k] === e) ?? '';
    return `${value}${suffix}`;
  }
  // Decimal: the largest exponent (multiple of 3, -9..18) that divides the value exactly.
  let e = -9;
  let value = nano;
  while (e < 18 && value % 1000n === 0n) {
    value /= 1000n;
    e += 3;
  }
  if (format === 'DecimalExponent') return e === 0 ? `${value}` : `${value}e${e}`;
  return `${value}${DECIMAL_SUFFIX[e]}`;
}

export function canonicalQuantity(input: string | number): string {
  return formatQuantity(parseQuantity(input));
}

export function compareQuantities(a: string | number | Quantity, b: string | number | Quantity): number {
  const x = typeof a === 'object' ? a.nano : parseQuantity(a).nano;
  const y = typeof b === 'object' ? b.nano : parseQuantity(b).nano;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.format };
}


export function quantityFromNano(nano: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nano, format };
}

/** The value in milli-units rounded up (upstream MilliValue): cpu in millicores. */
export function milliValue(input: string | number | Quantity): number {
  const q = typeof input === 'object' ? input : parseQuantity(input);
  return Number(divRoundUp(q.nano, 1_000_000n));
}

/** The value in whole units rounded up (upstream Value): memory and storage in bytes. */
export function unitValue(input: string | number | Quantity): number {
  const q = typeof input === 'object' ? input : parseQuantity(input);
  return Number(divRoundUp(q.nano, NANO));
}
