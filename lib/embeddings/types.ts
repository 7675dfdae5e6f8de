/**
 * The contracts of product understanding: embedders turn text into unit vectors of one space;
 * product texts say what goes in; vector indexes find neighbours within one workspace and space.
 */

/** Whether a text is a search query or a document (e5 models embed them with different prefixes). */
export type TextRole = 'query' | 'passage';

/** Turns texts into unit-length vectors of one embedding space. */
export interface Embedder {
  /** Stable id of the vector space (`lexical@1`, `Xenova/multilingual-e5-small@q8`): stored with every vector. */
  readonly space: string;
  /** Human-readable name for the dashboard (`Lexical (hashed n-grams)`, `multilingual-e5-small`). */
  readonly label: string;
  readonly kind: 'lexical' | 'transformers';
  readonly dimensions: number;
  /** Largest number of texts `embed` takes at once. */
  readonly maxBatch: number;
  /**
   * One unit-length Float32Array per text, in order. Same text, same vector, whether embedded
   * alone or in a batch. Empty texts give a zero vector (callers skip them before).
   */
  embed(texts: readonly string[], role?: TextRole): Promise<Float32Array[]>;
  /** Releases native resources (ONNX sessions). */
  dispose?(): Promise<void>;
}

/** How the live embedder was chosen, for the Models page and the API (`embedder` in responses). */
export interface EmbedderStatus {
  /** What the workspace asked for: `auto`, `lexical` or `model:<id>`. */
  requested: string;
  /** The embedder in use. */
  space: string;
  label: string;
  kind: 'lexical' | 'transformers';
  dimensions: number;
  /** True when a model was wanted but could not be loaded and the lexical embedder stands in. */
  fallback: boolean;
  /** Why the model is not in use (missing folder, hub not allowed/unreachable …), when `fallback`. */
  reason?: string;
}

/** A model the deployment can offer (found in MODELS_DIR, or named by configuration). */
export interface AvailableModel {
  id: string;
  /** Folder on disk, when installed locally. */
  path?: string;
  installed: boolean;
  /** Known dimensions (from config.json `hidden_size`), when installed. */
  dimensions?: number;
}

/** A product as the text builder needs it (a row of `products`). */
export interface ProductTextSource {
  title: Record<string, string>;
  description: Record<string, string>;
  categoryPath: string[];
  brand: string | null;
  attributes: Record<string, string | number | boolean>;
}

/** The normalized text of a product, per locale, ready to embed and to hash. */
export interface ProductText {
  /** Locale key → the text that is embedded for that locale (title, category, brand, key attributes, description). */
  byLocale: Record<string, string>;
  /** SHA-256 hex of `byLocale` (stable key order): unchanged text, unchanged hash, no re-embedding. */
  hash: string;
  /** Accent-folded, lower-cased text of all locales, for keyword search. */
  searchText: string;
  /** Set when there is nothing to embed (no title or description in any locale). */
  skipReason: 'no_text' | null;
}

/** A scored neighbour. `score` is cosine similarity in [-1, 1]. */
export interface VectorHit {
  productId: string;
  score: number;
}

/** Nearest-neighbour search over one workspace's vectors of one space. */
export interface VectorSearchOptions {
  tenantId: string;
  space: string;
  k: number;
  /** Only these products (filters resolved to ids beforehand); undefined = the whole catalog. */
  allow?: ReadonlySet<string>;
  /** Products to leave out (the product itself, for "similar"). */
  exclude?: ReadonlySet<string>;
}
