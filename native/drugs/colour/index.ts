/** The drug-test module's colour maths (sRGB/XYZ/CIELAB D65 and CIEDE2000), one import path for both drug helpers. */
export * from './spaces.ts';
export * from './ciede2000.ts';
