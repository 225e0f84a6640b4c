/**
 * JSON written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives: the
 * top-level arrays are written element by element in chunks, so output of any size never has to be
 * one string (V8 caps strings at 512 MB: "Invalid string length").
 */

/** Collects small writes into chunks of about this many characters before handing them on. */
const CHUNK = 1 << 16;

export function writeJson(value: unknown, write: (text: string) => void, depth = 3): void {
  let buffer = '';
  const out = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  emit(value, '', depth, out);
  out('\n');
  if (buffer) write(buffer);
}

function emit(value: unknown, indent: string, depth: number, out: (text: string) => void): void {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, 2);
    out(indent ? text.replaceAll('\n', `\n${indent}`) : text);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out('[]');
    out('[\n');
    value.forEach((item, i) => {
      out(inner);
      // JSON.stringify writes null for array holes, undefined and functions.
      emit(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, depth - 1, out);
      out(i < value.length - 1 ? ',\n' : '\n');
    });
    return out(`${indent}]`);
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return out('{}');
  out('{\n');
  entries.forEach(([k, v], i) => {
    out(`${inner}${JSON.stringify(k)}: `);
    emit(v, inner, depth - 1, out);
    out(i < entries.length - 1 ? ',\n' : '\n');
  });
  out(`${indent}}`);
}
