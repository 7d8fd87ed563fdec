// The family tree's drawing laid out for SVG, which does not wrap text by itself: text widths,
// Japanese-aware line breaking, and the boxes and links of the line, top to bottom.
import type { Said } from './lineage';

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Rough width of a text in em: full-width (CJK) characters 1, others 0.6 (a generous Latin average). */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : 0.6;
  return em;
}

/** Japanese punctuation a line may break after (and must not start with). */
const CLOSE = '、。，．：；！？）:;!?)」』】・';
const NO_START = new RegExp(`^[${CLOSE}ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]`, 'u');
const TOKENS = new RegExp(`\\s+|[^\\s${CLOSE}]*[${CLOSE}]+|[^\\s${CLOSE}]+`, 'gu');

/**
 * Splits a text into lines of at most `maxEm`: at spaces and after Japanese punctuation; a phrase
 * longer than the room left is cut between full-width characters (never before a closing mark or
 * a small kana), a Latin word only when it is longer than a whole line.
 */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let cur = '';
  const push = () => {
    if (cur.trim()) lines.push(cur.trim());
    cur = '';
  };
  /** The longest head of `s` that fits in `room` em, not leaving a closing mark at the start of the rest. */
  const head = (s: string, room: number): string => {
    let cut = '';
    for (const ch of s) {
      if (textEm(cut + ch) > room) break;
      cut += ch;
    }
    while (cut.length > 1 && NO_START.test(s.slice(cut.length))) cut = cut.slice(0, -1);
    return cut;
  };
  for (const tok of text.match(TOKENS) ?? []) {
    if (/^\s+$/.test(tok)) {
      if (cur) cur += ' ';
      continue;
    }
    if (textEm(cur + tok) <= maxEm) {
      cur += tok;
      continue;
    }
    let rest = tok;
    if (textEm(tok) <= maxEm || !WIDE.test(tok)) push();
    else {
      // A long Japanese phrase: fill the line first.
      const first = head(rest, maxEm - textEm(cur));
      if (first && textEm(cur) > 0) {
        cur += first;
        rest = rest.slice(first.length);
      }
      push();
    }
    while (textEm(rest) > maxEm) {
      const cut = head(rest, maxEm) || [...rest][0]!;
      lines.push(cut);
      rest = rest.slice(cut.length);
    }
    cur = rest;
  }
  push();
  return lines;
}

export type BoxVariant = 'ancestor' | 'you' | 'plain';
export type TextKind = 'title' | 'badge' | 'note' | 'item' | 'link';
export interface TreeBoxIn {
  variant: BoxVariant;
  lines: { text: string; kind: TextKind }[];
}
export interface TreeLinkIn {
  said: Said;
  current: boolean;
  lines: string[];
}
export interface PlacedText {
  text: string;
  kind: TextKind;
  x: number;
  y: number;
}
export interface TreeLayout {
  width: number;
  height: number;
  boxes: { variant: BoxVariant; x: number; y: number; w: number; h: number; texts: PlacedText[] }[];
  links: { said: Said; current: boolean; x: number; y1: number; y2: number; texts: PlacedText[] }[];
}

/** Sizes in SVG user units (the drawing is 320 wide, scaled to the screen). */
export const TREE = {
  width: 320,
  margin: 6,
  pad: 10,
  font: { title: 15, badge: 13.5, note: 14, item: 14, link: 13.5 },
  lineHeight: 1.4,
  linkX: 40,
  linkGap: 12,
};

/**
 * Places boxes (top to bottom, oldest first) and the links between them: `links[i]` joins
 * `boxes[i]` and `boxes[i + 1]`. Texts are wrapped to fit.
 */
export function layoutTree(boxes: TreeBoxIn[], links: TreeLinkIn[]): TreeLayout {
  const { width, margin, pad, font, lineHeight, linkX, linkGap } = TREE;
  const boxW = width - 2 * margin;
  const out: TreeLayout = { width, height: 0, boxes: [], links: [] };
  let y = margin;
  boxes.forEach((box, i) => {
    const texts: PlacedText[] = [];
    let ty = y + pad;
    for (const line of box.lines) {
      const size = font[line.kind];
      for (const text of wrapText(line.text, (boxW - 2 * pad) / size)) {
        ty += size * lineHeight;
        texts.push({ text, kind: line.kind, x: margin + pad, y: ty - size * 0.35 });
      }
    }
    const h = ty - y + pad;
    out.boxes.push({ variant: box.variant, x: margin, y, w: boxW, h, texts });
    y += h;
    const link = links[i];
    if (!link || i === boxes.length - 1) return;
    const lx = margin + linkX + linkGap;
    const lt: PlacedText[] = [];
    let ly = y + linkGap / 2;
    for (const l of link.lines)
      for (const text of wrapText(l, (width - margin - lx) / font.link)) {
        ly += font.link * lineHeight;
        lt.push({ text, kind: 'link', x: lx, y: ly - font.link * 0.35 });
      }
    const y2 = Math.max(ly + linkGap / 2, y + 36);
    out.links.push({ said: link.said, current: link.current, x: margin + linkX, y1: y, y2, texts: lt });
    y = y2;
  });
  out.height = Math.ceil(y + margin);
  return out;
}
