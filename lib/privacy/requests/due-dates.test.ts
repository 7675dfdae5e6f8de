import { describe, expect, it } from 'vitest';
import { compareUrgency, daysLeft, dueDateFor, exportAvailableUntil, urgencyOf } from './due-dates';

const received = new Date('2026-01-01T10:00:00Z');
const day = 86_400_000;

describe('due dates', () => {
  it('gives 30 days under GDPR and UK GDPR and 45 under CCPA', () => {
    expect(dueDateFor('gdpr', received).toISOString()).toBe('2026-01-31T10:00:00.000Z');
    expect(dueDateFor('uk_gdpr', received).toISOString()).toBe('2026-01-31T10:00:00.000Z');
    expect(dueDateFor('ccpa', received).toISOString()).toBe('2026-02-15T10:00:00.000Z');
  });

  it('is overdue past due, due soon within 7 days, closed once completed or rejected', () => {
    const dueAt = dueDateFor('gdpr', received);
    const at = (days: number) => new Date(dueAt.getTime() + days * day);
    expect(urgencyOf({ status: 'received', dueAt }, at(-8))).toBe('on_track');
    expect(urgencyOf({ status: 'verified', dueAt }, at(-7))).toBe('due_soon');
    expect(urgencyOf({ status: 'in_progress', dueAt }, at(-0.01))).toBe('due_soon');
    expect(urgencyOf({ status: 'received', dueAt }, at(0.01))).toBe('overdue');
    expect(urgencyOf({ status: 'completed', dueAt }, at(5))).toBe('closed');
    expect(urgencyOf({ status: 'rejected', dueAt }, at(5))).toBe('closed');
    expect(daysLeft(dueAt, at(-2.5))).toBe(2);
    expect(daysLeft(dueAt, at(1.5))).toBe(-2);
  });

  it('sorts overdue first, then due soon, on track, and closed last (newest first)', () => {
    const now = new Date('2026-02-10T00:00:00Z');
    const mk = (name: string, status: 'received' | 'completed', dueDays: number, createdDays = 0) => ({
      name,
      status,
      dueAt: new Date(now.getTime() + dueDays * day),
      createdAt: new Date(now.getTime() - createdDays * day),
    });
    const list = [
      mk('closed-old', 'completed', -40, 50),
      mk('track', 'received', 20),
      mk('late2', 'received', -1),
      mk('soon', 'received', 3),
      mk('late1', 'received', -5),
      mk('closed-new', 'completed', -40, 10),
    ];
    list.sort((a, b) => compareUrgency(a, b, now));
    expect(list.map((r) => r.name)).toEqual(['late1', 'late2', 'soon', 'track', 'closed-new', 'closed-old']);
  });

  it('keeps exports for 30 days after the request closed', () => {
    expect(exportAvailableUntil(null)).toBeNull();
    expect(exportAvailableUntil(received)?.toISOString()).toBe('2026-01-31T10:00:00.000Z');
  });
});
