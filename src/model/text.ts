/**
 * Evidence offsets count Unicode code points, not UTF-16 units, so they mean the same thing in any language
 * that reads the source file (Python, Go, SQL). These helpers convert between the two.
 */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/** Code-point index → UTF-16 index (clamped to the string). */
export function utf16Index(s: string, cp: number): number {
  let i = 0;
  let n = 0;
  while (n < cp && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    n++;
  }
  return i;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  const a = utf16Index(s, start);
  return s.slice(a, a + (utf16Index(s.slice(a), end - start)));
}

/** Every code-point offset at which `needle` occurs in `hay`. */
export function findAllCodePoints(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    out.push(codePointLength(hay.slice(0, i)));
    from = i + 1;
  }
  return out;
}
