/**
 * Word-level diff for revision pages.
 *
 * Tokens are words with their trailing whitespace; any other character (punctuation, symbols) is a
 * token of its own, also with its trailing whitespace; leading whitespace is a token by itself.
 * A word is a run of letters (accents included: "è", "perché") or digits; an apostrophe right after a
 * word stays with it, so Italian elisions split as "dell'" + "ambiente" and a change of noun leaves
 * the article alone. Numbers keep their separators ("1.200,50").
 * Tokens are compared without their trailing whitespace, so "priorità." → "priorità assoluta." keeps
 * "priorità" and adds " assoluta"; a whitespace difference alone shows as removed/added whitespace.
 * Keeping whitespace out of the sequence also halves its length and stops the spaces of two unrelated
 * texts from "matching", which would make the diff slow and fragmented.
 *
 * The diff is Myers' O(ND) algorithm in linear space (middle-snake bisection, as in
 * diff-match-patch), after trimming the common prefix and suffix. Between two unchanged segments,
 * removed text comes first and added text second. Concatenating the "same" and "removed" segments
 * gives `before` exactly; "same" and "added" give `after`.
 */

export type WordDiffSegment = { kind: "same" | "added" | "removed"; text: string };

const tokenPattern = /^\s+|(?:\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+)['’]?\s*|[^\s]\s*/gu;
const trailingWhitespace = /\s+$/;

type Operation = 0 | 1 | 2; // same, removed, added
const SAME = 0;
const REMOVED = 1;
const ADDED = 2;

export function diffWords(before: string, after: string): WordDiffSegment[] {
  if (before === after) return before === "" ? [] : [{ kind: "same", text: before }];
  const beforeTokens = tokenize(before);
  const afterTokens = tokenize(after);

  // Integers compare faster than strings in the inner loops; a token's id ignores its trailing whitespace.
  const ids = new Map<string, number>();
  const toIds = (tokens: string[]) => Int32Array.from(tokens, (token) => {
    const key = token.replace(trailingWhitespace, "") || token;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
  const operations: { operation: Operation; token: string }[] = [];
  const differ = new Differ(toIds(beforeTokens), toIds(afterTokens), beforeTokens, afterTokens, operations);
  differ.diff(0, beforeTokens.length, 0, afterTokens.length);
  return toSegments(operations);
}

function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

class Differ {
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly aTokens: string[],
    private readonly bTokens: string[],
    private readonly out: { operation: Operation; token: string }[],
  ) {}

  diff(aStart: number, aEnd: number, bStart: number, bEnd: number): void {
    const { a, b } = this;
    while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
      this.emitSame(aStart, bStart);
      aStart++;
      bStart++;
    }
    let suffix = 0;
    while (aStart < aEnd - suffix && bStart < bEnd - suffix && a[aEnd - suffix - 1] === b[bEnd - suffix - 1]) suffix++;
    aEnd -= suffix;
    bEnd -= suffix;

    if (aStart === aEnd) {
      for (let j = bStart; j < bEnd; j++) this.emit(ADDED, this.bTokens[j]!);
    } else if (bStart === bEnd) {
      for (let i = aStart; i < aEnd; i++) this.emit(REMOVED, this.aTokens[i]!);
    } else {
      const split = this.middleSnake(aStart, aEnd, bStart, bEnd);
      if (split) {
        this.diff(aStart, split.x, bStart, split.y);
        this.diff(split.x, aEnd, split.y, bEnd);
      } else {
        for (let i = aStart; i < aEnd; i++) this.emit(REMOVED, this.aTokens[i]!);
        for (let j = bStart; j < bEnd; j++) this.emit(ADDED, this.bTokens[j]!);
      }
    }

    for (let s = 0; s < suffix; s++) this.emitSame(aEnd + s, bEnd + s);
  }

  /**
   * Myers' bisection: walks forward from the start and backward from the end until the paths
   * overlap, and returns where (absolute indices). Null when the ranges share nothing.
   */
  private middleSnake(aStart: number, aEnd: number, bStart: number, bEnd: number): { x: number; y: number } | null {
    const { a, b } = this;
    const n = aEnd - aStart;
    const m = bEnd - bStart;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD;
    const length = 2 * maxD + 2;
    const forward = new Int32Array(length).fill(-1);
    const backward = new Int32Array(length).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    // With an odd delta the paths meet while extending forward, otherwise backward.
    const meetsForward = delta % 2 !== 0;
    let forwardStart = 0;
    let forwardEnd = 0;
    let backwardStart = 0;
    let backwardEnd = 0;

    for (let d = 0; d < maxD; d++) {
      for (let k = -d + forwardStart; k <= d - forwardEnd; k += 2) {
        const index = offset + k;
        let x = k === -d || (k !== d && forward[index - 1]! < forward[index + 1]!) ? forward[index + 1]! : forward[index - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
          x++;
          y++;
        }
        forward[index] = x;
        if (x > n) forwardEnd += 2; // ran off the right edge
        else if (y > m) forwardStart += 2; // ran off the bottom edge
        else if (meetsForward) {
          const backwardIndex = offset + delta - k;
          if (backwardIndex >= 0 && backwardIndex < length && backward[backwardIndex] !== -1) {
            if (x >= n - backward[backwardIndex]!) return { x: aStart + x, y: bStart + y };
          }
        }
      }
      for (let k = -d + backwardStart; k <= d - backwardEnd; k += 2) {
        const index = offset + k;
        let x =
          k === -d || (k !== d && backward[index - 1]! < backward[index + 1]!) ? backward[index + 1]! : backward[index - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && a[aEnd - x - 1] === b[bEnd - y - 1]) {
          x++;
          y++;
        }
        backward[index] = x;
        if (x > n) backwardEnd += 2;
        else if (y > m) backwardStart += 2;
        else if (!meetsForward) {
          const forwardIndex = offset + delta - k;
          if (forwardIndex >= 0 && forwardIndex < length && forward[forwardIndex] !== -1) {
            const forwardX = forward[forwardIndex]!;
            const forwardY = forwardX - (forwardIndex - offset);
            if (forwardX >= n - x) return { x: aStart + forwardX, y: bStart + forwardY };
          }
        }
      }
    }
    return null;
  }

  /** Emits two tokens that match: the word is the same, their trailing whitespace may differ. */
  private emitSame(i: number, j: number): void {
    const before = this.aTokens[i]!;
    const after = this.bTokens[j]!;
    if (before === after) return this.emit(SAME, before);
    const word = before.replace(trailingWhitespace, "");
    this.emit(SAME, word);
    if (before.length > word.length) this.emit(REMOVED, before.slice(word.length));
    if (after.length > word.length) this.emit(ADDED, after.slice(word.length));
  }

  private emit(operation: Operation, token: string): void {
    this.out.push({ operation, token });
  }
}

/** Joins tokens into segments; within each changed stretch, all removals first, then all additions. */
function toSegments(operations: { operation: Operation; token: string }[]): WordDiffSegment[] {
  const segments: WordDiffSegment[] = [];
  let same = "";
  let removed = "";
  let added = "";
  const flushChange = () => {
    if (removed) segments.push({ kind: "removed", text: removed });
    if (added) segments.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  for (const { operation, token } of operations) {
    if (operation === SAME) {
      flushChange();
      same += token;
      continue;
    }
    if (same) {
      segments.push({ kind: "same", text: same });
      same = "";
    }
    if (operation === REMOVED) removed += token;
    else added += token;
  }
  flushChange();
  if (same) segments.push({ kind: "same", text: same });
  return segments;
}
