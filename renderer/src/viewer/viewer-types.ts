import type { z } from 'zod';
import type { SurfaceImageSchema } from '../../../main/contract.ts';

export type { ResponseOf } from '../../../main/contract.ts';
/** A rendered height map as the services send it. */
export type SurfaceImage = z.infer<typeof SurfaceImageSchema>;
