import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import type { ListDefinition } from './lists';

/** Title of a prediction list page, with the way back to the Predictions page. */
export function ListHeader({ slug, list }: { slug: string; list: ListDefinition }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/${slug}/predictions`} className="font-medium text-brand-700 underline">
          Predictions
        </Link>
        <span aria-hidden="true" className="text-slate-400">
          {' '}
          /{' '}
        </span>
        <span aria-current="page" className="text-slate-700">
          {list.title}
        </span>
      </nav>
      <PageHeader title={list.title} description={list.description} />
    </>
  );
}
