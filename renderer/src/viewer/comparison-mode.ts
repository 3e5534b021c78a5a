/** How the two surfaces are shown (GitHub Desktop's image diff types); one component draws each. */
export const comparisonModes = ['side-by-side', 'overlay', 'swipe', 'difference'] as const;
/** A comparison mode. */
export type ComparisonMode = (typeof comparisonModes)[number];

/** How a height map is drawn: shaded relief or false colour (the contract's surface styles). */
export type SurfaceStyle = 'relief' | 'false-colour';
