import type { z } from 'zod';

/** A refusal the person can act on: shown as-is in the form (zh / en). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function fromZod(error: z.ZodError): UserError {
  const first = error.issues[0];
  return new UserError(first ? first.message : String(error), first?.path.join('.'));
}
