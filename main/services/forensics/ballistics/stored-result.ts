/**
 * Reading a stored comparison result. Results are immutable blobs in the content store; those stored before CMC cells
 * carried their outlines (and each direction its alignment matrix) are completed here, on the service side, with the
 * same native code that builds new results, so the viewer always receives polygons and never computes them.
 */
import { z } from 'zod';
import { CartridgeComparisonResultSchema, CmcCellSchema, CmcDirectionSchema } from '../../../contract/index.ts';
import type { CartridgeComparisonResult } from '../../../contract/index.ts';
import { alignmentMatrix, cellOutline } from '../../../../native/cmc/cmc-cell-outline.ts';

const StoredDirectionSchema = CmcDirectionSchema.extend({
  alignment: CmcDirectionSchema.shape.alignment.optional(),
  cells: z.array(CmcCellSchema.extend({ outline: CmcCellSchema.shape.outline.optional() })),
});
type StoredDirection = z.infer<typeof StoredDirectionSchema>;

/** A direction with every cell's outline and the alignment, computing only what an older result lacks. */
function completeDirection(direction: StoredDirection, target: { readonly width: number; readonly height: number }): z.infer<typeof CmcDirectionSchema> {
  const { alignment, cells, ...rest } = direction;
  return {
    ...rest,
    alignment: alignment ?? alignmentMatrix(direction.consensus, target.width, target.height),
    cells: cells.map(({ outline, ...cell }) => ({ ...cell, outline: outline ?? cellOutline(cell, target.width, target.height) })),
  };
}

/** A stored cartridge-case result, current or from before outlines were stored, completed with its cells' outlines. */
export const StoredCartridgeResultSchema = CartridgeComparisonResultSchema.extend({ aToB: StoredDirectionSchema, bToA: StoredDirectionSchema }).transform(
  // A's cells are found in B (target B) and B's in A (target A).
  (stored): CartridgeComparisonResult => ({ ...stored, aToB: completeDirection(stored.aToB, stored.b), bToA: completeDirection(stored.bToA, stored.a) }),
);
