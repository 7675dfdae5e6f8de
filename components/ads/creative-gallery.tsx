import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { SelectInput } from '@/components/ui/field';
import { AD_CHANNELS, type AdChannel, CREATIVE_STATUSES } from '@/db/schema/ads';
import { startGenerationAction } from '@/lib/ads/actions';
import { ActionButton } from './action-button';
import type { CreativeFilter, CreativeView } from '@/lib/ads/views';
import { CreativeCard } from './creative-card';
import { CHANNEL_LABELS, CREATIVE_STATUS, groupCreatives, localeLabel } from './present';

/**
 * Filters of the gallery as a plain GET form (works without script, keeps the URL shareable):
 * channel and status, plus language when the campaign has several.
 */
export function GalleryFilters({
  filter,
  channels,
  locales,
}: {
  filter: CreativeFilter;
  channels: readonly string[];
  locales: readonly string[];
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter creatives">
      <div className="w-48 space-y-1">
        <label htmlFor="f-channel" className="block text-xs font-medium text-slate-700">
          Channel
        </label>
        <SelectInput id="f-channel" name="channel" defaultValue={filter.channel ?? ''}>
          <option value="">All channels</option>
          {AD_CHANNELS.filter((c) => channels.includes(c)).map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectInput>
      </div>
      <div className="w-44 space-y-1">
        <label htmlFor="f-status" className="block text-xs font-medium text-slate-700">
          Status
        </label>
        <SelectInput id="f-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any status</option>
          {CREATIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CREATIVE_STATUS[s].text}
            </option>
          ))}
        </SelectInput>
      </div>
      {locales.length > 1 ? (
        <div className="w-44 space-y-1">
          <label htmlFor="f-locale" className="block text-xs font-medium text-slate-700">
            Language
          </label>
          <SelectInput id="f-locale" name="locale" defaultValue={filter.locale ?? ''}>
            <option value="">All languages</option>
            {locales.map((l) => (
              <option key={l} value={l}>
                {localeLabel(l)}
              </option>
            ))}
          </SelectInput>
        </div>
      ) : null}
      <button type="submit" className={buttonClass('secondary')}>
        Apply filters
      </button>
    </form>
  );
}

/** Creatives grouped by segment, then language; each a channel-styled preview with its checks. */
export function CreativeGallery({
  slug,
  campaignId,
  channels,
  creatives,
  brandName,
  canWrite,
  filtered,
}: {
  slug: string;
  campaignId: string;
  /** The campaign's channels, for the per-slot regenerate buttons. */
  channels: readonly AdChannel[];
  creatives: readonly CreativeView[];
  brandName: string | null;
  canWrite: boolean;
  /** True when a filter is applied (changes the empty message). */
  filtered: boolean;
}) {
  if (creatives.length === 0) {
    return (
      <EmptyState title={filtered ? 'No creatives match these filters' : 'No creatives yet'}>
        {filtered
          ? 'Clear a filter to see more.'
          : 'Generate creatives: one set per segment, language and channel, each checked against your catalog and rules.'}
      </EmptyState>
    );
  }
  const names = new Map(creatives.map((c) => [c.segmentId ?? '', c.segmentName]));
  let n = 0;
  return (
    <div className="space-y-8" data-testid="creative-gallery">
      {groupCreatives(creatives).map((group) => (
        <section
          key={group.segmentId ?? 'all'}
          aria-label={`Segment ${names.get(group.segmentId ?? '') ?? 'All shoppers'}`}
        >
          <h3 className="text-base font-semibold text-slate-900">
            {group.segmentId === null ? 'All shoppers' : (names.get(group.segmentId) ?? 'Deleted segment')}
          </h3>
          {group.locales.map((loc) => (
            <div key={loc.locale} className="mt-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h4 className="text-sm font-semibold text-slate-700">{localeLabel(loc.locale)}</h4>
                {canWrite ? (
                  <RegenerateButtons
                    slug={slug}
                    campaignId={campaignId}
                    segmentId={group.segmentId}
                    segmentName={
                      group.segmentId === null ? 'All shoppers' : (names.get(group.segmentId) ?? 'segment')
                    }
                    locale={loc.locale}
                    channels={channels.filter((c) => loc.items.some((i) => i.channel === c))}
                  />
                ) : null}
              </div>
              <div className="mt-2 grid gap-4 lg:grid-cols-2">
                {loc.items.map((c) => {
                  n += 1;
                  return (
                    <CreativeCard
                      key={c.id}
                      slug={slug}
                      creative={c}
                      index={n}
                      brandName={brandName}
                      canWrite={canWrite}
                    />
                  );
                })}
              </div>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * Regenerates one slot (segment × language × channel): its candidates and rejected creatives are
 * replaced; approved and paused ones stay.
 */
function RegenerateButtons({
  slug,
  campaignId,
  segmentId,
  segmentName,
  locale,
  channels,
}: {
  slug: string;
  campaignId: string;
  segmentId: string | null;
  segmentName: string;
  locale: string;
  channels: readonly AdChannel[];
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {channels.map((channel) => (
        <ActionButton
          key={channel}
          action={startGenerationAction}
          fields={{ tenant: slug, campaignId, segmentId: segmentId ?? 'all', locale, channel }}
          variant="ghost"
          pendingText="Queuing…"
          success="Queued."
          accessibleLabel={`Regenerate ${CHANNEL_LABELS[channel]}, ${segmentName}, ${localeLabel(locale)}`}
        >
          Regenerate {CHANNEL_LABELS[channel]}
        </ActionButton>
      ))}
    </div>
  );
}
