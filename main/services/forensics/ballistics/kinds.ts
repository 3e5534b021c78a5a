/** The evidence kinds ballistics declares (stable ids stored with evidence items). */

/** A cartridge case's breech face: an X3P topography, or a 2D image declared with its pixel size. */
export const cartridgeCaseKind = 'ballistics.cartridge-case';
/** One land-engraved area of a fired bullet: X3P topography only (signatures need heights). */
export const bulletLandKind = 'ballistics.bullet-land';
