/** The services' typed errors, defined in core/ so that models/ throws the same ones. */
export { badInput, DalelError, tooLarge } from '../../core/errors.ts';
