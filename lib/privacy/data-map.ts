import {
  DATA_MAP,
  type DataCategory,
  type DataMapEntry,
  type DataRetention,
  dataMapIndex,
  type Encryption,
  NOT_PERSONAL,
} from '@/db/schema/data-map';
import type { PrivacySettings } from './settings-schemas';

/** Column names that suggest personal data; such a column must be annotated or listed as not personal. */
export const PERSONAL_NAME =
  /email|name|phone|address|(^|_)ip($|_)|anonymous|shopper|user_agent|session|contact|actor|user_id|created_by|invited_by|birth|gender|(^|_)(lat|lng|lon)($|_)/;

/** One table's columns as the check sees them. */
export interface TableColumns {
  table: string;
  columns: readonly string[];
}

/**
 * What the registry misses: personal-looking columns of tenant tables (those with `tenant_id`),
 * every column of shopper-linked tables (`shoppers` and any table with `shopper_id`), and
 * registry entries naming a column that does not exist. Empty when the map is complete.
 */
export function dataMapGaps(tables: readonly TableColumns[]): { missing: string[]; stale: string[] } {
  const index = dataMapIndex();
  const known = new Set<string>();
  const missing: string[] = [];
  for (const t of tables) {
    const tenantTable = t.columns.includes('tenant_id');
    const shopperLinked = t.table === 'shoppers' || t.columns.includes('shopper_id');
    for (const c of t.columns) {
      const key = `${t.table}.${c}`;
      known.add(key);
      if (c === 'tenant_id' || index.has(key) || key in NOT_PERSONAL) continue;
      if (shopperLinked || (tenantTable && PERSONAL_NAME.test(c))) missing.push(key);
    }
  }
  const stale = [...index.keys(), ...Object.keys(NOT_PERSONAL)].filter((k) => !known.has(k));
  return { missing, stale };
}

export interface DataMapColumn {
  column: string;
  category: DataCategory;
  purpose: string;
  legalBasis: string;
  encrypted: Encryption;
  /** For people: "30 days (raw events setting)", "until the shopper is erased", … */
  retention: string;
  note?: string;
}

export interface DataMapTable {
  table: string;
  columns: DataMapColumn[];
  /** Columns encrypted or hashed / all annotated columns. */
  protectedShare: number;
}

const BASIS: Record<DataMapEntry['legalBasis'], string> = {
  contract: 'Contract',
  legitimate_interest: 'Legitimate interest',
  consent: 'Consent',
  legal_obligation: 'Legal obligation',
};

/** How long, in words, with the workspace's current setting where one applies. */
export function retentionText(r: DataRetention, s: PrivacySettings): string {
  const setting = (v: number | null, unit: string, what: string) =>
    v === null ? `Kept until changed (${what}: keep forever)` : `${v} ${unit} (${what})`;
  switch (r) {
    case 'rawEventsDays':
      return setting(s.rawEventsDays, 'days', 'raw events');
    case 'inactiveShopperMonths':
      return setting(s.inactiveShopperMonths, 'months without activity', 'inactive shoppers');
    case 'logsDays':
      return setting(s.logsDays, 'days', 'logs');
    case 'shopper':
      return 'Until the shopper is erased';
    case 'account':
      return 'While the account or request exists';
    case 'permanent':
      return 'Kept (no personal link after erasure)';
  }
}

/** The registry grouped by table (tables A–Z, columns in registry order) with the current settings. */
export function dataMapByTable(settings: PrivacySettings): DataMapTable[] {
  const byTable = new Map<string, DataMapColumn[]>();
  for (const entry of DATA_MAP) {
    const cols = byTable.get(entry.table) ?? [];
    for (const column of entry.columns)
      cols.push({
        column,
        category: entry.category,
        purpose: entry.purpose,
        legalBasis: BASIS[entry.legalBasis],
        encrypted: entry.encrypted,
        retention: retentionText(entry.retention, settings),
        ...(entry.note ? { note: entry.note } : {}),
      });
    byTable.set(entry.table, cols);
  }
  return [...byTable.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, columns]) => ({
      table,
      columns,
      protectedShare: columns.filter((c) => c.encrypted !== 'no').length / columns.length,
    }));
}
