/** The count format, where it was first written; it lives in shared/format now. */
export { formatCount } from './format/numbers';
