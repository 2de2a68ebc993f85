import { createHash } from 'node:crypto';
import { inclusionProof, leafHash, merkleRoot, nodeHash, verifyInclusion } from './merkle-tree';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event-${i}`)));

describe('Merkle seal over a district log', () => {
  it('given three leaves, when the root is computed, then it splits at the largest power of two (RFC 6962)', () => {
    const [a, b, c] = leaves(3) as [Buffer, Buffer, Buffer];
    expect(merkleRoot([a, b, c]).equals(nodeHash(nodeHash(a, b), c))).toBe(true);
  });

  it('given no leaves, when the root is computed, then it is the hash of nothing', () => {
    expect(merkleRoot([]).equals(createHash('sha256').digest())).toBe(true);
  });

  it.each([1, 2, 3, 5, 8, 13, 100, 1000])('given %i leaves, when every leaf is proven, then every proof verifies and none verifies elsewhere', (n) => {
    const all = leaves(n);
    const root = merkleRoot(all);
    all.forEach((leaf, index) => {
      const proof = inclusionProof(all, index);
      expect(verifyInclusion(leaf, index, n, proof, root)).toBe(true);
      if (n > 1) expect(verifyInclusion(leaf, (index + 1) % n, n, proof, root)).toBe(false);
    });
  });

  it('given a sealed tree, when one earlier leaf is altered, then the root changes and its old proof fails', () => {
    const all = leaves(50);
    const root = merkleRoot(all);
    const proof = inclusionProof(all, 7);
    const altered = [...all];
    altered[7] = leafHash(Buffer.from('tampered'));
    expect(merkleRoot(altered).equals(root)).toBe(false);
    expect(verifyInclusion(altered[7] as Buffer, 7, 50, proof, root)).toBe(false);
  });

  it('given 100,000 leaves, when a proof is made, then it has 17 hashes (544 bytes) and verifies', () => {
    const all = leaves(100_000);
    const proof = inclusionProof(all, 65_537);
    expect(proof).toHaveLength(17);
    expect(verifyInclusion(all[65_537] as Buffer, 65_537, all.length, proof, merkleRoot(all))).toBe(true);
  });
});
