/** The REST API's shape of a segment (stable field names, ISO dates). */
import type { Segment } from './service';

export interface SegmentApi {
  id: string;
  name: string;
  description: string | null;
  kind: string;
  rules: Segment['rules'];
  /** Live member count; null when the stored rules no longer compile. */
  size: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A segment and its size → the API object. */
export function segmentToApi(s: Segment, size: number | null): SegmentApi {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    kind: s.kind,
    rules: s.rules,
    size,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
