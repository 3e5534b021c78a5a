/**
 * The service boundary for native/ functions that read evidence: native throws its own InputError, services speak
 * DalelError. Services call these wrapped functions instead of native's, so the conversion to BAD_INPUT happens here
 * and nowhere else.
 */
import { compareBullets as nativeCompareBullets } from '../../native/bullet/bullet-compare.ts';
import { decodeGreyPage as nativeDecodeGreyPage } from '../../native/handwriting/page-image.ts';
import { profilePage as nativeProfilePage } from '../../native/handwriting/profile.ts';
import { InputError } from '../../native/input-error.ts';
import { prepareCartridgeCase as nativePrepareCartridgeCase } from '../../native/preprocess/prepare.ts';
import { gridFromImage as nativeGridFromImage } from '../../native/surface/image-grid.ts';
import { checkX3p as nativeCheckX3p, readX3p as nativeReadX3p } from '../../native/x3p/x3p-read.ts';
import { badInput } from './errors.ts';

/** The error a service throws for what native threw: an InputError becomes BAD_INPUT, anything else is unchanged. */
export function serviceError(error: unknown): unknown {
  return error instanceof InputError ? badInput(error.fileName, error.reasonCode, error.reason, { ...error.extra }) : error;
}

/** A native function whose input errors arrive as BAD_INPUT DalelErrors. */
export function atServiceBoundary<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return run(...args);
    } catch (error) {
      throw serviceError(error);
    }
  };
}

/** native's readX3p, with BAD_INPUT errors. */
export const readX3p = atServiceBoundary(nativeReadX3p);
/** native's checkX3p (an X3P's point data verified, not decoded), with BAD_INPUT errors. */
export const checkX3p = atServiceBoundary(nativeCheckX3p);
/** native's gridFromImage, with BAD_INPUT errors. */
export const gridFromImage = atServiceBoundary(nativeGridFromImage);
/** native's prepareCartridgeCase, with BAD_INPUT errors. */
export const prepareCartridgeCase = atServiceBoundary(nativePrepareCartridgeCase);
/** native's compareBullets, with BAD_INPUT errors. */
export const compareBullets = atServiceBoundary(nativeCompareBullets);
/** native's handwriting profilePage, with BAD_INPUT errors. */
export const profilePage = atServiceBoundary(nativeProfilePage);
/** native's decodeGreyPage (handwriting pages), with BAD_INPUT errors. */
export const decodeGreyPage = atServiceBoundary(nativeDecodeGreyPage);
