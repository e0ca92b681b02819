// The enrollment guard (issue 23) on its own: the per-source pause, the pause for all when many
// sources guess together, each announced once, and both lifted by the office clock alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENROLL_LOCK_MINUTES, ENROLL_TRIES_PER_SOURCE, ENROLL_TRIES_TOTAL, EnrollmentGuard } from '../../../electron/services/office/enrollmentGuard';

const T0 = Date.parse('2026-11-20T02:00:00Z');
const LOCK = ENROLL_LOCK_MINUTES * 60_000;

test('one source: paused at the limit and announced once; one more try once its oldest is a lock period old', () => {
  const g = new EnrollmentGuard();
  const began = Array.from({ length: ENROLL_TRIES_PER_SOURCE }, (_, i) => g.refused('10.0.0.7', T0 + i));
  assert.deepEqual(began.filter(Boolean), ['source_locked']);
  assert.equal(began.at(-1), 'source_locked');
  assert.equal(g.state('10.0.0.7', T0 + 100), 'source_locked');
  assert.equal(g.state('10.0.0.8', T0 + 100), 'open', 'another source is not paused');
  assert.equal(g.state('10.0.0.7', T0 + LOCK - 1), 'source_locked');
  // A sliding period: once the oldest try is a period old, the source has one try again.
  assert.equal(g.state('10.0.0.7', T0 + LOCK), 'open');
  // A guesser who keeps going gets about one try a minute, each pause audited as it begins.
  assert.equal(g.refused('10.0.0.7', T0 + LOCK), 'source_locked');
  assert.equal(g.state('10.0.0.7', T0 + LOCK), 'source_locked');
});

test('many sources guessing together pause enrolment for all', () => {
  const g = new EnrollmentGuard();
  const began = Array.from({ length: ENROLL_TRIES_TOTAL }, (_, i) => g.refused(`10.0.${i}.1`, T0));
  assert.deepEqual(began.filter(Boolean), ['all_locked']);
  assert.equal(g.state('10.9.9.9', T0 + 1), 'all_locked');
  assert.equal(g.state('10.9.9.9', T0 + LOCK), 'open');
});
