/** The phrase table of every ad locale. */
import type { AdLocale } from '@/lib/ads/types';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { nl } from './nl';
import { pt } from './pt';
import type { PhraseTable } from './types';
import { zh } from './zh';

export type { Phrase, PhraseTable, SlotKey } from './types';

export const PHRASES: Record<AdLocale, PhraseTable> = { en, de, fr, es, it, nl, pt, ja, zh, ko };
