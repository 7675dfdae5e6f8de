/** Ad platform import files: Google Ads Editor (responsive search ads) and Meta bulk import. */
export { ExportError } from './csv';
export {
  GOOGLE_ADS_EDITOR_COLUMNS,
  type GoogleAdsEditorRow,
  toGoogleAdsEditorCsv,
} from './google-ads-editor';
export {
  META_BULK_COLUMNS,
  META_CALLS_TO_ACTION,
  type MetaBulkRow,
  type MetaCallToAction,
  toMetaBulkCsv,
} from './meta';
