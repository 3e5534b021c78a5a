import type { z } from 'zod';
import type { SurfaceImageSchema } from '../../../main/contract/index.ts';

export type { ResponseOf } from '../../../main/contract/index.ts';
/** A rendered height map as the services send it. */
export type SurfaceImage = z.infer<typeof SurfaceImageSchema>;
