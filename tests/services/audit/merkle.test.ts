import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyRoot,
  hashChildren,
  hashLeaf,
  inclusionProof,
  MemoryTree,
  verifyConsistency,
  verifyInclusion,
} from '../../../main/services/audit/merkle.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The RFC 9162 definition of MTH, recursively, as an independent reference. */
function referenceRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot;
  if (leaves.length === 1) return hashLeaf(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

function treeOf(leaves: Uint8Array[]): MemoryTree {
  const tree = new MemoryTree();
  for (const leaf of leaves) tree.appendLeafHash(hashLeaf(leaf));
  return tree;
}

describe('RFC 9162 hashing', () => {
  it('gives the four known answers', () => {
    expect(hex(emptyRoot)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(hashLeaf(new Uint8Array(0)))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex(hashLeaf(Buffer.from('L123456')))).toBe('395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
    expect(hex(hashChildren(Buffer.from('N123'), Buffer.from('N456')))).toBe('aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb');
  });

  it('matches the recursive definition for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Buffer.from(`entry ${i}`));
    const tree = treeOf(leaves);
    for (let n = 0; n <= 70; n += 1) expect(hex(tree.root(n)), `size ${n}`).toBe(hex(referenceRoot(leaves.slice(0, n))));
  });
});

describe('proofs (property-based)', () => {
  // Each entry starts with its position, as audit entries carry their sequence number: no two leaves are equal.
  const logs = fc
    .array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 300 })
    .map((leaves) => leaves.map((data, i) => new Uint8Array(Buffer.concat([Buffer.from(`${i}:`), data]))));

  it('every inclusion proof verifies, and fails for another leaf or index', () => {
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat(), (leaves, a, b) => {
        const tree = treeOf(leaves);
        const size = 1 + (a % leaves.length);
        const index = b % size;
        const proof = inclusionProof(tree, index, size);
        expect(verifyInclusion(index, size, hashLeaf(leaves[index]!), proof, tree.root(size))).toBeNull();
        const other = hashLeaf(Buffer.concat([leaves[index]!, Buffer.from('x')]));
        expect(verifyInclusion(index, size, other, proof, tree.root(size))).not.toBeNull();
        if (size > 1) expect(verifyInclusion((index + 1) % size, size, hashLeaf(leaves[index]!), proof, tree.root(size))).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('every consistency proof verifies, and fails against a different earlier tree', () => {
    fc.assert(
      fc.property(logs, fc.nat(), fc.nat(), (leaves, a, b) => {
        const tree = treeOf(leaves);
        const size2 = 1 + (a % leaves.length);
        const size1 = b % (size2 + 1);
        const proof = consistencyProof(tree, size1, size2);
        expect(verifyConsistency(size1, size2, proof, tree.root(size1), tree.root(size2))).toBeNull();
        if (size1 > 0 && size1 < size2) {
          const forged = treeOf([...leaves.slice(0, size1 - 1), Buffer.from('forged')]);
          expect(verifyConsistency(size1, size2, proof, forged.root(size1), tree.root(size2))).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
