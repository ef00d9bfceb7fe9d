/**
 * Reading checkbox groups (要望者, 分類, the six countries, the criteria): each option is a box followed by
 * its label. Boxes come as `<input type="checkbox">` or as glyphs (☑ ☐ ■ □); a box the extraction lost
 * gives an option with `checked: undefined`, which the caller reports and leaves unset.
 */
import type { Block, Inline } from './cells.ts';
import { readGlyph } from './text-tools.ts';

/** One option of a checkbox group: its state (unknown when the box was lost) and the text after the box. */
export interface CheckboxOption {
  /** `true` ticked, `false` empty box, `undefined` no box in the text. */
  checked: boolean | undefined;
  /** The option's text, trimmed. */
  text: string;
  /** Source line. */
  line: number;
}

/** Splits text inlines at checkbox glyphs, so that glyph boxes read like `<input>` boxes. */
export function expandGlyphs(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'checkbox') {
      out.push(inline);
      continue;
    }
    let buffer = '';
    for (const char of inline.text) {
      const state = readGlyph(char);
      if (state === undefined) {
        buffer += char;
        continue;
      }
      if (buffer !== '') out.push({ kind: 'text', text: buffer });
      buffer = '';
      out.push({ kind: 'checkbox', checked: state });
    }
    if (buffer !== '') out.push({ kind: 'text', text: buffer });
  }
  return out;
}

/**
 * Reads the options of a run of blocks: every box starts an option whose text runs to the next box or the
 * end of the block. Text before the first box of a block becomes an option without a box.
 */
export function readCheckboxOptions(blocks: readonly Block[]): CheckboxOption[] {
  const options: CheckboxOption[] = [];
  for (const block of blocks) {
    let current: CheckboxOption | undefined;
    for (const inline of expandGlyphs(block.inlines)) {
      if (inline.kind === 'checkbox') {
        current = { checked: inline.checked, text: '', line: block.line };
        options.push(current);
      } else if (current) {
        current.text = `${current.text}${inline.text}`;
      } else {
        current = { checked: undefined, text: inline.text, line: block.line };
        options.push(current);
      }
    }
  }
  for (const option of options) option.text = option.text.trim();
  return options.filter((option) => option.text !== '' || option.checked !== undefined);
}
