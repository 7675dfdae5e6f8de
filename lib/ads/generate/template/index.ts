/**
 * The template copy generator: offline, deterministic for a seed, in every ad locale. It is the
 * default provider and the fallback when a model provider is not configured.
 */
import type { CopyGenerator } from '@/lib/ads/types';
import { generateFromTable } from './engine';
import { PHRASES } from './phrases';

export const TEMPLATE_MODEL = 'template:v1';

/**
 * A CopyGenerator (provider 'template', model 'template:v1') that writes `request.count`
 * distinct creatives from the locale's phrase tables. Never throws GeneratorError (it needs no
 * network); throws RangeError only for a currency code Intl does not know. Honours an aborted
 * signal by rejecting with its reason.
 */
export function createTemplateGenerator(): CopyGenerator {
  return {
    provider: 'template',
    model: TEMPLATE_MODEL,
    async generate(request, signal) {
      signal?.throwIfAborted();
      return generateFromTable(request, PHRASES[request.locale]);
    },
  };
}
