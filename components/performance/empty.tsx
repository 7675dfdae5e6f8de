import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';

/** Shown until the first widget view arrives: how to get the storefront snippet running. */
export function PerformanceEmpty({ slug }: { slug: string }) {
  return (
    <EmptyState
      title="No widget views yet"
      action={
        <div className="flex flex-wrap justify-center gap-3">
          <Link href={`/${slug}/install`} className={buttonClass('primary')}>
            Install the storefront snippet
          </Link>
          <Link href={`/${slug}/placements`} className={buttonClass('secondary')}>
            Set up placements
          </Link>
        </div>
      }
    >
      <p>
        Performance is measured from the recommendation widgets on your shop. Add the script tag and one
        marker per placement to your storefront pages; each widget view, click and the purchases that follow
        then appear here, compared with a holdout that sees non-personal recommendations.
      </p>
    </EmptyState>
  );
}
