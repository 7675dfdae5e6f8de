import { describe, expect, it } from 'vitest';
import { detectMapping, mappingProblems } from './fields';
import { isOnlineRetail } from './online-retail';
import { validateRow } from './rows';
import {
  currencyExponent,
  normalizeId,
  parseCountry,
  parseCurrency,
  parseDate,
  parseInteger,
  parseMinor,
} from './values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) =>
  r.ok ? r.value : { error: r.reason };

describe('value parsers', () => {
  it('parseMinor reads decimals with either separator into minor units, rounding half away from zero', () => {
    expect(value(parseMinor('12.5', 2))).toBe(1250);
    expect(value(parseMinor('12,50', 2))).toBe(1250);
    expect(value(parseMinor('1,234.56', 2))).toBe(123456);
    expect(value(parseMinor('1.234,56', 2))).toBe(123456);
    expect(value(parseMinor('1 234,5', 2))).toBe(123450);
    expect(value(parseMinor('0.001', 2))).toBe(0);
    expect(value(parseMinor('0.005', 2))).toBe(1);
    expect(value(parseMinor('-11062.06', 2))).toBe(-1106206);
    expect(value(parseMinor(1.005, 2))).toBe(101);
    expect(value(parseMinor('1500', 0))).toBe(1500);
    expect(value(parseMinor('12.345', 3))).toBe(12345);
    expect(value(parseMinor('abc', 2))).toEqual({ error: 'is not a number' });
    expect(value(parseMinor('1.2.3,4.5', 2))).toEqual({ error: 'is not a number' });
    expect(value(parseMinor('€5', 2))).toEqual({ error: 'is not a number' });
    expect(value(parseMinor('', 2))).toEqual({ error: 'is empty' });
    expect(value(parseMinor('9'.repeat(20), 2))).toEqual({ error: 'is too large' });
  });

  it('parseDate reads ISO, US (UCI) and German dates as UTC, and refuses impossible ones', () => {
    const iso = (v: unknown) => {
      const r = parseDate(v);
      return r.ok ? r.value.toISOString() : { error: r.reason };
    };
    expect(iso('2010-12-01 08:26:00')).toBe('2010-12-01T08:26:00.000Z');
    expect(iso('12/1/2010 8:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(iso('2024-05-31T14:30:00+02:00')).toBe('2024-05-31T12:30:00.000Z');
    expect(iso('2024-05-31')).toBe('2024-05-31T00:00:00.000Z');
    expect(iso('31.05.2024 14:30')).toBe('2024-05-31T14:30:00.000Z');
    expect(iso(1717165800)).toBe('2024-05-31T14:30:00.000Z');
    expect(iso('1717165800000')).toBe('2024-05-31T14:30:00.000Z');
    expect(iso('2/30/2024')).toEqual({ error: 'is not a valid date' });
    expect(iso('13/45/2010 25:00')).toEqual({ error: 'is not a valid date' });
    expect(iso('1850-01-01')).toEqual({ error: 'is outside 1970–2099' });
    expect(iso('yesterday')).toEqual({ error: expect.stringMatching(/^is not a date/) });
  });

  it('currencies, countries, integers and ids', () => {
    expect(value(parseCurrency('eur'))).toBe('EUR');
    expect(value(parseCurrency('XYZ'))).toEqual({ error: '"XYZ" is not a known currency code' });
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(value(parseCountry('United Kingdom'))).toBe('GB');
    expect(value(parseCountry('EIRE'))).toBe('IE');
    expect(value(parseCountry('RSA'))).toBe('ZA');
    expect(value(parseCountry('Czech Republic'))).toBe('CZ');
    expect(value(parseCountry('de'))).toBe('DE');
    expect(value(parseCountry('Unspecified'))).toBeNull();
    expect(value(parseCountry('Atlantis'))).toEqual({ error: expect.stringMatching(/not a known country/) });
    expect(value(parseInteger('6'))).toBe(6);
    expect(value(parseInteger('-3.0'))).toBe(-3);
    expect(value(parseInteger('2.5'))).toEqual({ error: 'is not a whole number' });
    expect(normalizeId('17850.0')).toBe('17850');
    expect(normalizeId('V1.0')).toBe('V1.0');
  });
});

describe('mapping', () => {
  it('detects columns by aliases, each column once, required fields first', () => {
    expect(detectMapping('products', ['StockCode', 'Description', 'UnitPrice', 'Qty'])).toEqual({
      externalId: 'StockCode',
      title: 'Description',
      price: 'UnitPrice',
      stock: 'Qty',
    });
    expect(detectMapping('products', ['id', 'SKU', 'Product Name', 'price', 'Image URL'])).toMatchObject({
      externalId: 'SKU', // sku is preferred to id
      title: 'Product Name',
      imageUrls: 'Image URL',
    });
    expect(
      detectMapping('orders', [
        'InvoiceNo',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ]),
    ).toEqual({
      orderId: 'InvoiceNo',
      productId: 'StockCode',
      quantity: 'Quantity',
      unitPrice: 'UnitPrice',
      placedAt: 'InvoiceDate',
      customerId: 'CustomerID',
      title: 'Description',
      country: 'Country',
    });
    expect(detectMapping('events', ['event_id', 'event', 'timestamp', 'user_id', 'anonymous_id'])).toEqual({
      eventId: 'event_id',
      type: 'event',
      occurredAt: 'timestamp',
      customerId: 'user_id',
      anonymousId: 'anonymous_id',
    });
  });

  it('names what a mapping is missing', () => {
    expect(mappingProblems('products', { externalId: 'id' }, ['id'])).toEqual([
      'Title is required: choose the column that holds it.',
      'Price is required: choose the column that holds it.',
    ]);
    expect(mappingProblems('shoppers', { externalId: 'gone' }, ['id'])).toEqual([
      'Customer ID: the file has no column "gone".',
    ]);
  });

  it('recognizes the Online Retail header in any case and order', () => {
    expect(
      isOnlineRetail([
        'invoiceno',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ]),
    ).toBe(true);
    expect(isOnlineRetail(['InvoiceNo', 'StockCode'])).toBe(false);
  });

  it('validateRow keeps unmapped fields undefined and clears mapped empty ones', () => {
    const opts = { currency: 'EUR', locale: 'de' };
    const r = validateRow(
      'products',
      { id: 'p1', name: 'Hemd', price: '9,90', brand: '' },
      { externalId: 'id', title: 'name', price: 'price', brand: 'brand' },
      opts,
    );
    expect(r).toEqual({
      ok: true,
      record: {
        externalId: 'p1',
        title: { de: 'Hemd' },
        priceMinor: 990,
        currency: 'EUR',
        brand: null,
        stock: undefined,
        status: undefined,
      },
    });
    const bad = validateRow(
      'orders',
      { o: 'A1', p: 'x', q: '0', up: '-1', d: 'soon' },
      { orderId: 'o', productId: 'p', quantity: 'q', unitPrice: 'up', placedAt: 'd' },
      opts,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => i.field).sort()).toEqual([
      'placedAt',
      'quantity',
      'unitPrice',
    ]);
    const nul = validateRow('shoppers', { id: 'a\u0000b' }, { externalId: 'id' }, opts);
    expect(nul.ok).toBe(false);
  });
});
