// The state machine, tried for every action from every status by every kind of user.
import { describe, expect, it } from 'vitest';
import { type CaseStatus, caseStatuses } from '../../db/schema';
import {
  allowedActions,
  nextStatus,
  refusal,
  type WorkflowAction,
  workflowActions,
} from '../../server/cases/workflow';

// Written out by hand from the issue, not derived from the code under test.
const allowedFrom: Record<WorkflowAction, CaseStatus[]> = {
  start_verification: ['intake'],
  send_for_review: ['intake', 'verification'],
  clear_flag: ['intake', 'verification', 'review'],
  uphold_flag: ['intake', 'verification', 'review'],
  request_info: ['intake', 'verification', 'review'],
  answer_request: ['verification'],
  approve_referral: ['review'],
  decline_referral: ['review'],
  close: ['intake', 'verification', 'review', 'referred'],
  reopen: ['referred', 'closed'],
  comment: ['intake', 'verification', 'review', 'referred', 'closed'],
  withdraw: ['intake'],
  restore: ['withdrawn'],
};
const leadsTo: Partial<Record<WorkflowAction, CaseStatus>> = {
  start_verification: 'verification',
  send_for_review: 'review',
  request_info: 'verification',
  approve_referral: 'referred',
  decline_referral: 'verification',
  close: 'closed',
  reopen: 'verification',
  withdraw: 'withdrawn',
  restore: 'intake',
};
const reviewerActions: WorkflowAction[] = [
  'clear_flag',
  'uphold_flag',
  'request_info',
  'approve_referral',
  'decline_referral',
  'close',
  'reopen',
];
const holderActions: WorkflowAction[] = ['start_verification', 'send_for_review', 'answer_request'];

const holder = { id: 'cw-holder', role: 'caseworker' as const };
const otherCaseworker = { id: 'cw-other', role: 'caseworker' as const };
const supervisor = { id: 'sup-1', role: 'supervisor' as const };
const admin = { id: 'adm-1', role: 'admin' as const };
const state = (status: CaseStatus, createdBy = holder.id) => ({ status, createdBy, assignedTo: holder.id });

describe('every action from every status', () => {
  const rows = workflowActions.flatMap((action) => caseStatuses.map((status) => [action, status] as const));
  it.each(rows)('%s from %s', (action, status) => {
    const inStatus = allowedFrom[action].includes(status);
    const actor = reviewerActions.includes(action) || action === 'restore' ? supervisor : holder;
    expect(refusal(action, actor, state(status))).toBe(inStatus ? null : 'wrong_status');
    if (inStatus) expect(nextStatus(action, status)).toBe(leadsTo[action] ?? status);
  });
});

describe('who may act', () => {
  it.each(reviewerActions)(
    '%s: only a supervisor who neither entered nor holds the case (never an admin)',
    (action) => {
      const status = allowedFrom[action][0]!;
      expect(refusal(action, supervisor, state(status))).toBeNull();
      expect(refusal(action, admin, state(status))).toBe('not_reviewer');
      expect(refusal(action, holder, state(status))).toBe('not_reviewer');
      expect(refusal(action, otherCaseworker, state(status))).toBe('not_reviewer');
      // Four eyes: the supervisor who entered the case, or holds it, may not decide on it.
      expect(refusal(action, supervisor, state(status, supervisor.id))).toBe('four_eyes');
      expect(refusal(action, supervisor, { status, createdBy: holder.id, assignedTo: supervisor.id })).toBe(
        'four_eyes',
      );
    },
  );

  it.each(holderActions)(
    '%s: the caseworker holding the case (or a supervisor), not another caseworker nor an admin',
    (action) => {
      const status = allowedFrom[action][0]!;
      expect(refusal(action, holder, state(status))).toBeNull();
      expect(refusal(action, supervisor, state(status))).toBeNull();
      expect(refusal(action, otherCaseworker, state(status))).toBe('not_holder');
      expect(refusal(action, admin, state(status))).toBe('not_holder');
    },
  );

  it('withdraw: only the caseworker the case is assigned to, in intake; not staff, not another caseworker', () => {
    expect(refusal('withdraw', holder, state('intake'))).toBeNull();
    expect(refusal('withdraw', otherCaseworker, state('intake'))).toBe('not_assignee');
    expect(refusal('withdraw', supervisor, state('intake'))).toBe('not_assignee');
    expect(refusal('withdraw', admin, state('intake'))).toBe('not_assignee');
    expect(refusal('withdraw', holder, state('verification'))).toBe('wrong_status');
    expect(refusal('withdraw', holder, state('withdrawn'))).toBe('wrong_status');
  });

  it('restore: a supervisor only (not an admin, not the caseworker); a withdrawn case offers nothing else', () => {
    expect(refusal('restore', supervisor, state('withdrawn'))).toBeNull();
    expect(refusal('restore', supervisor, state('withdrawn', supervisor.id))).toBeNull();
    expect(refusal('restore', admin, state('withdrawn'))).toBe('not_supervisor');
    expect(refusal('restore', holder, state('withdrawn'))).toBe('not_supervisor');
    expect(allowedActions(holder, state('withdrawn'))).toEqual([]);
    expect(allowedActions(supervisor, state('withdrawn'))).toEqual(['restore']);
    expect(allowedActions(admin, state('withdrawn'))).toEqual([]);
  });

  it('the page offers exactly the allowed actions', () => {
    expect(allowedActions(holder, state('review'))).toEqual(['comment']);
    expect(allowedActions(supervisor, state('review')).sort()).toEqual(
      [
        'approve_referral',
        'clear_flag',
        'close',
        'comment',
        'decline_referral',
        'request_info',
        'uphold_flag',
      ].sort(),
    );
    expect(allowedActions(supervisor, state('review', supervisor.id))).toEqual(['comment']);
  });
});
