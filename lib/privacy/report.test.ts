import { describe, expect, it } from 'vitest';
import { privacyRequests } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/chain';
import { listAudit } from '@/lib/audit/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { buildComplianceReport, escapeHtml } from './report';

describe('escapeHtml', () => {
  it('neutralizes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });
});

describe.each(testDrivers())('compliance report (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('holds the workspace, requests with proofs, the verified head hash and the data map, escaped', async () => {
    const { ctx } = await createTestTenant(db(), 'report');
    await db()
      .insert(privacyRequests)
      .values({
        tenantId: ctx.tenantId,
        kind: 'rectification',
        status: 'rejected',
        regulation: 'ccpa',
        source: 'api',
        subjectHash: 'h',
        dueAt: new Date(Date.now() + 86_400_000),
        rejectedReason: '<img src=x onerror=alert(1)>',
        createdBy: 'test',
      });
    const verified = await verifyAuditChain(db(), ctx);
    const { filename, html } = await buildComplianceReport(db(), ctx, new Date('2026-06-01T08:00:00Z'));

    expect(filename).toBe(`compliance-report-${ctx.slug}-2026-06-01.html`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`(${ctx.slug})`);
    expect(html).toContain(verified.head);
    expect(html).toContain('INTACT');
    expect(html).toContain('Rejected: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('<h3>shoppers</h3>');
    expect(html).toMatch(
      /0 of 0 shoppers with an email or name have them sealed \(AES-256-GCM\) under the current key version 1/,
    );
    expect(html).toContain('email_enc');
    expect((await listAudit(db(), ctx, { limit: 1 }))[0]?.action).toBe('privacy.report_downloaded');
  });
});
