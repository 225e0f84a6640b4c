/**
 * `__proto__` is the one key JavaScript treats specially: `o[k] = v` or Object.assign with it sets
 * o's prototype instead of adding a field, so an object could "have" fields that appear nowhere
 * in its text. Parsed input holding it is refused; `constructor` and `prototype` are valid keys
 * (ConfigMap data, labels) and stay ordinary own fields.
 */
export const PROTOTYPE_KEY = '__proto__';

/** Dotted path of the first `__proto__` key in parsed YAML/JSON (`data.__proto__`), or undefined. */
export function prototypeKeyPath(value: unknown): string | undefined {
  // An explicit stack: input depth is bounded by the parser, but a walk must never be the thing that overflows.
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, PROTOTYPE_KEY)) return path ? `${path}.${PROTOTYPE_KEY}` : PROTOTYPE_KEY;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], path: path ? `${path}.${keys[i]}` : keys[i]! });
  }
  return undefined;
}

/** The one-line refusal for a `__proto__` key found at `path`. */
export function prototypeKeyMessage(path: string): string {
  return `field "${path}" is not allowed: "__proto__" is reserved (in JavaScript it would replace the object's prototype)`;
}

/** Set a copied field as an own property even when its key is `__proto__`. */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === PROTOTYPE_KEY) Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
