import { z } from 'zod';

/** Chosen by the caller so that it can cancel before the first progress event arrives. */
export const OperationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Operation ids are 8 to 64 letters, digits, - or _.');
