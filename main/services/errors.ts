/** The services' typed errors, defined in core/ so that models/ throws the same ones. */
export { badInput, DalelError } from '../../core/errors.ts';
