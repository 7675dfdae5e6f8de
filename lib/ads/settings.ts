/**
 * Ad settings of a workspace: which copy generator writes, its endpoint (the key sealed with the
 * app's encryption keys, never returned), brand name, banned words, required terms, temperature.
 */
import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, forbidden } from '@/lib/errors';
import { SecretDecryptError, decryptSecret, encryptSecret } from '@/lib/secrets/cipher';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import type { AdGeneratorSettings } from './generate/registry';
import { type SettingsRow, getSettingsRow, upsertSettingsRow } from './queries';
import { adSettingsInputSchema } from './settings-schema';
import type { AdSettingsView } from './views';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** What generation needs beyond the generator: the copy rules of the workspace. */
export interface AdCopyRules {
  brandName: string | null;
  bannedWords: string[];
  requiredTerms: string[];
  /** 0..1.5 */
  temperature: number;
}

const DEFAULTS: Omit<SettingsRow, 'tenantId' | 'updatedAt'> = {
  provider: 'template',
  openaiBaseUrl: null,
  openaiModel: null,
  openaiKeySealed: null,
  localModel: null,
  brandName: null,
  bannedWords: [],
  requiredTerms: [],
  temperature: 0.7,
};

/** Binds the sealed key to its workspace: copied into another tenant's row it does not decrypt. */
const keyContext = (tenantId: string) => `ad-settings:${tenantId}`;

export function requireAdsRead(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing ads.');
}
export function requireAdsManage(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'ads.manage')) throw forbidden('Your role does not allow changing ads.');
}

/** The stored settings or the defaults (template provider) when the workspace never saved any. */
export async function loadSettingsRow(
  exec: Executor,
  ctx: Tenant,
): Promise<Omit<SettingsRow, 'updatedAt'> & { updatedAt: Date | null }> {
  return (await getSettingsRow(exec, ctx)) ?? { ...DEFAULTS, tenantId: ctx.tenantId, updatedAt: null };
}

/** Brand, banned words, required terms and temperature of the workspace (defaults when unset). */
export async function loadCopyRules(exec: Executor, ctx: Tenant): Promise<AdCopyRules> {
  const s = await loadSettingsRow(exec, ctx);
  return {
    brandName: s.brandName,
    bannedWords: s.bannedWords,
    requiredTerms: s.requiredTerms,
    temperature: s.temperature,
  };
}

/**
 * The generator settings with the key decrypted, for lib/ads/generate/registry.ts. `provider`
 * overrides the stored choice (CLI `--provider`, benches). Throws validation_failed when the chosen
 * provider is not configured, or when the stored key cannot be decrypted (replace it).
 */
export async function loadGeneratorSettings(
  exec: Executor,
  ctx: Tenant,
  provider?: AdGeneratorSettings['provider'],
): Promise<AdGeneratorSettings> {
  const s = await loadSettingsRow(exec, ctx);
  const chosen = provider ?? s.provider;
  if (chosen === 'openai') {
    if (!s.openaiBaseUrl || !s.openaiModel)
      throw new AppError(
        'validation_failed',
        'Set the OpenAI-compatible endpoint’s base URL and model in Ads settings first.',
      );
    let apiKey = '';
    if (s.openaiKeySealed) {
      try {
        apiKey = decryptSecret(s.openaiKeySealed, { context: keyContext(ctx.tenantId) });
      } catch (error) {
        const detail = error instanceof SecretDecryptError ? ` ${error.message}` : '';
        throw new AppError('validation_failed', `The saved API key cannot be read; enter it again.${detail}`);
      }
    }
    return { provider: 'openai', openai: { baseUrl: s.openaiBaseUrl, model: s.openaiModel, apiKey } };
  }
  if (chosen === 'local') {
    if (!s.localModel)
      throw new AppError('validation_failed', 'Set the local model id in Ads settings first.');
    return { provider: 'local', localModel: s.localModel };
  }
  return { provider: 'template' };
}

/** The settings for the settings page, without the key. Needs `data.read`. */
export async function getAdSettingsView(db: Db, ctx: TenantContext): Promise<AdSettingsView> {
  requireAdsRead(ctx);
  const s = await loadSettingsRow(db, ctx);
  return {
    provider: s.provider,
    openaiBaseUrl: s.openaiBaseUrl,
    openaiModel: s.openaiModel,
    keySet: Boolean(s.openaiKeySealed),
    localModel: s.localModel,
    brandName: s.brandName,
    bannedWords: s.bannedWords,
    requiredTerms: s.requiredTerms,
    temperature: s.temperature,
    updatedAt: s.updatedAt,
  };
}

/**
 * Saves the settings. `openaiKey` is write-only: blank keeps the stored key, `clearOpenaiKey`
 * removes it. The audit entry names the changed fields, never the key. Needs `ads.manage`;
 * throws validation_failed with field errors.
 */
export async function updateAdSettings(db: Db, ctx: TenantContext, input: unknown): Promise<AdSettingsView> {
  requireAdsManage(ctx);
  const data = parseOrThrow(adSettingsInputSchema, input);
  const before = await loadSettingsRow(db, ctx);
  const sealed = data.clearOpenaiKey
    ? null
    : data.openaiKey
      ? encryptSecret(data.openaiKey, { context: keyContext(ctx.tenantId) }).value
      : before.openaiKeySealed;
  const next = {
    provider: data.provider,
    openaiBaseUrl: data.openaiBaseUrl ?? null,
    openaiModel: data.openaiModel ?? null,
    openaiKeySealed: sealed,
    localModel: data.localModel ?? null,
    brandName: data.brandName ?? null,
    bannedWords: data.bannedWords,
    requiredTerms: data.requiredTerms,
    temperature: data.temperature,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
  );
  await db.transaction(async (tx) => {
    await upsertSettingsRow(tx, ctx, next);
    await recordAudit(tx, ctx, {
      action: 'ads.settings_updated',
      targetType: 'ad_settings',
      details: {
        provider: next.provider,
        changed: changed.map((k) => (k === 'openaiKeySealed' ? 'openaiKey' : k)),
      },
    });
  });
  return getAdSettingsView(db, ctx);
}
