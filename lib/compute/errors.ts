/**
 * Errors across a worker thread. `postMessage` clones an Error without its class, so the errors
 * callers tell apart (`instanceof`) travel as a tag plus their message and come back as
 * instances of the same classes; anything else comes back as a plain Error with name and message.
 */
import { AppError, type ErrorCode } from '@/lib/errors';
import { TooLittleData } from '@/lib/predict/service-evaluate';
import { EmptySplitError } from '@/lib/recommend/eval/evaluate';

export type ErrorWire =
  | { tag: 'too-little-data'; message: string }
  | { tag: 'empty-split'; side: 'train' | 'test' }
  | { tag: 'app'; code: ErrorCode; message: string }
  | { tag: 'other'; name: string; message: string };

export function errorToWire(error: unknown): ErrorWire {
  if (error instanceof TooLittleData) return { tag: 'too-little-data', message: error.message };
  if (error instanceof EmptySplitError) return { tag: 'empty-split', side: error.side };
  if (error instanceof AppError) return { tag: 'app', code: error.code, message: error.message };
  if (error instanceof Error) return { tag: 'other', name: error.name, message: error.message };
  return { tag: 'other', name: 'Error', message: String(error) };
}

export function errorFromWire(wire: ErrorWire): Error {
  switch (wire.tag) {
    case 'too-little-data':
      return new TooLittleData(wire.message);
    case 'empty-split':
      return new EmptySplitError(wire.side);
    case 'app':
      return new AppError(wire.code, wire.message);
    default: {
      const error = new Error(wire.message);
      error.name = wire.name;
      return error;
    }
  }
}
