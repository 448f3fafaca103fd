import type { ParseResult, VerifyResult } from '../types';

export const verified: VerifyResult = { ok: true };

export function forbidden(reason: string): VerifyResult {
  return { ok: false, status: 403, reason };
}

export function malformed(reason: string): ParseResult {
  return { ok: false, status: 400, reason };
}
