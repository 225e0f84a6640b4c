/**
 * Go's text/tabwriter as kubectl describe uses it (minwidth 0, padding 2): cells end at a tab; a
 * column is aligned over the block of consecutive lines that have a cell in it.
 */
export function tabwrite(text: string, padding = 2, minwidth = 0): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) s += j < cells.length - 1 && j < widths.length ? cells[j].padEnd(widths[j]) : cells[j];
      out.push(s);
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        width = Math.max(width, lines[t][column].length + padding);
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n');
}

/** kubectl describe's PrefixWriter: `level` indents by two spaces; cells separated by tabs. */
export class DescribeWriter {
  private readonly lines: string[] = [];

  line(level: number, ...cells: string[]): void {
    this.lines.push('  '.repeat(level) + cells.join('\t'));
  }

  /** A line with its own indent (a pod template's containers sit one space deeper: `   web:`). */
  indented(indent: string, ...cells: string[]): void {
    this.lines.push(indent + cells.join('\t'));
  }

  toString(): string {
    return tabwrite(this.lines.join('\n')) + '\n';
  }
}
