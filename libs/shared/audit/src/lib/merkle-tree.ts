import { createHash } from 'node:crypto';

/**
 * A Merkle tree in the shape of RFC 6962 (Certificate Transparency): leaves and inner nodes are hashed
 * with distinct prefixes so a leaf can never pass for a node, and an unbalanced tree splits at the
 * largest power of two. An inclusion proof has ⌈log2 n⌉ hashes: 20 (640 bytes) for a million events.
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(data: Buffer): Buffer {
  return createHash('sha256').update(LEAF).update(data).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Root over already-hashed leaves; built bottom-up by levels so a million leaves need no recursion. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  return subtreeRoot(leaves, 0, leaves.length);
}

function subtreeRoot(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 1) return leaves[start] as Buffer;
  if ((n & (n - 1)) === 0) return perfectRoot(leaves, start, end);
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

function perfectRoot(leaves: readonly Buffer[], start: number, end: number): Buffer {
  let level = leaves.slice(start, end);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    level = next;
  }
  return level[0] as Buffer;
}

/** The sibling hashes from leaf `index` up to the root (RFC 6962 audit path). */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (index < 0 || index >= leaves.length) throw new RangeError('leaf index outside the tree');
  return path(leaves, index, 0, leaves.length);
}

function path(leaves: readonly Buffer[], index: number, start: number, end: number): Buffer[] {
  const n = end - start;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return index < start + k
    ? [...path(leaves, index, start, start + k), subtreeRoot(leaves, start + k, end)]
    : [...path(leaves, index, start + k, end), subtreeRoot(leaves, start, start + k)];
}

/** Verifies offline that `leaf` sits at `index` of a tree of `size` leaves with this root. */
export function verifyInclusion(leaf: Buffer, index: number, size: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && hash.equals(root);
}
