import type { AdChannel, CreativeFields } from '@/db/schema/ads';
import { BannerPreview } from './banner';
import { EmailLinePreview } from './email-line';
import { GoogleSearchAdPreview } from './google-search-ad';
import { MetaPostPreview } from './meta-post';

export interface PreviewProps {
  channel: AdChannel;
  fields: CreativeFields;
  brandName: string | null;
  /** Where the ad links: the first product's URL, when known. */
  url: string | null;
  /** The first product's image, when it has one. */
  imageUrl: string | null;
}

/** A creative styled as its channel shows it; the figure's label names the channel for screen readers. */
export function CreativePreview({ channel, fields, brandName, url, imageUrl }: PreviewProps) {
  switch (channel) {
    case 'google-rsa':
      return <GoogleSearchAdPreview fields={fields} url={url} brandName={brandName} />;
    case 'meta':
      return <MetaPostPreview fields={fields} brandName={brandName} imageUrl={imageUrl} url={url} />;
    case 'email':
      return <EmailLinePreview fields={fields} brandName={brandName} />;
    default:
      return <BannerPreview fields={fields} imageUrl={imageUrl} />;
  }
}
