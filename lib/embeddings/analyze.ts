/**
 * One pass over a product's text: what gets embedded and hashed (product-text.ts) and which
 * language each locale's text is really in, so the Product page can say "de: detected German
 * (0.99)" and flag a `de` title that is actually English. Pure: no database.
 */
import type { DetectedLanguage } from '@/db/schema/embeddings';
import { detectLanguageSync, ensureLanguageDetector, isLanguageMismatch } from '@/lib/language/detect';
import { buildProductText, productLocaleFields } from './product-text';
import type { ProductText, ProductTextSource } from './types';

/**
 * Letters a locale's title and description need before we name their language. Higher than the
 * detector's default: CLD3 calls short noun-phrase titles ("Classic Linen Shirt") Luxembourgish
 * with 0.99 confidence, and a false "wrong language" flag costs the merchant more than no flag.
 */
export const PRODUCT_MIN_LETTERS = 32;

export interface ProductAnalysis {
  text: ProductText;
  /** Locale key (as in `byLocale`) → what detection found in that locale's title and description. */
  languages: Record<string, DetectedLanguage>;
}

/**
 * Title and description together, or the description alone when that is surer: a noun-phrase
 * title in front of a clear sentence can pull CLD3 below its confidence threshold.
 */
function detectLocale(title: string, description: string): DetectedLanguage {
  const opts = { minLetters: PRODUCT_MIN_LETTERS };
  const both = detectLanguageSync(
    title && description ? `${title}. ${description}` : title || description,
    opts,
  );
  if (both.reliable || !title || !description) return both;
  const alone = detectLanguageSync(description, opts);
  return alone.reliable ? alone : both;
}

/**
 * Builds the product text and detects the language of each locale's title + description
 * (category, brand and attributes are shared by all locales and would blur the answer).
 * Loads the language model on first use; throws only if it cannot be loaded.
 */
export async function analyzeProduct(p: ProductTextSource): Promise<ProductAnalysis> {
  await ensureLanguageDetector();
  const fields = productLocaleFields(p);
  const languages: Record<string, DetectedLanguage> = {};
  for (const [locale, f] of Object.entries(fields)) languages[locale] = detectLocale(f.title, f.description);
  return { text: buildProductText(p, fields), languages };
}

export interface LanguageMismatch {
  locale: string;
  detected: DetectedLanguage & { language: string };
}

/** Locales whose text is reliably detected as another language (`de` text that reads as English). */
export function mismatchedLocales(languages: Record<string, DetectedLanguage>): LanguageMismatch[] {
  const out: LanguageMismatch[] = [];
  for (const [locale, detected] of Object.entries(languages)) {
    if (detected.language && isLanguageMismatch(locale, detected)) {
      out.push({ locale, detected: { ...detected, language: detected.language } });
    }
  }
  return out;
}
