// The rules of state, in one place: which actions exist, from which statuses each may be taken, to which
// status it leads, and who may take it. The routes enforce this and the pages offer only what it allows.
import type { CaseStatus, Role } from '../../db/schema';

/**
 * `holder`: the caseworker the case is assigned to (supervisors may act for them).
 * `reviewer`: a supervisor who neither entered the case nor holds it (four eyes).
 * `assignee`: only the caseworker the case is assigned to, in person.
 * `supervisor`: a supervisor (admins manage accounts, not cases).
 * `anyone`: whoever may see the case.
 */
type Actor = 'holder' | 'reviewer' | 'assignee' | 'supervisor' | 'anyone';

interface Transition {
  from: readonly CaseStatus[];
  /** The status after the action; undefined: the status does not change. */
  to?: CaseStatus;
  by: Actor;
}

const open = ['intake', 'verification', 'review'] as const satisfies readonly CaseStatus[];

const workflow = {
  start_verification: { from: ['intake'], to: 'verification', by: 'holder' },
  send_for_review: { from: ['intake', 'verification'], to: 'review', by: 'holder' },
  clear_flag: { from: open, by: 'reviewer' },
  uphold_flag: { from: open, by: 'reviewer' },
  request_info: { from: open, to: 'verification', by: 'reviewer' },
  // Answering the last open request hands the case back for a decision (see review.ts).
  answer_request: { from: ['verification'], by: 'holder' },
  approve_referral: { from: ['review'], to: 'referred', by: 'reviewer' },
  // Declining never drops the person: the case stays open for local legal help.
  decline_referral: { from: ['review'], to: 'verification', by: 'reviewer' },
  close: { from: ['intake', 'verification', 'review', 'referred'], to: 'closed', by: 'reviewer' },
  reopen: { from: ['referred', 'closed'], to: 'verification', by: 'reviewer' },
  comment: { from: ['intake', 'verification', 'review', 'referred', 'closed'], by: 'anyone' },
  // A case created by mistake: its caseworker withdraws it while it is still in intake; it is kept, and
  // leaves every list. Nothing else may be done to it until a supervisor restores it.
  withdraw: { from: ['intake'], to: 'withdrawn', by: 'assignee' },
  restore: { from: ['withdrawn'], to: 'intake', by: 'supervisor' },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof workflow;
export const workflowActions = Object.keys(workflow) as WorkflowAction[];

export interface ActingUser {
  id: string;
  role: Role;
}
export interface CaseState {
  status: CaseStatus;
  createdBy: string | null;
  assignedTo: string | null;
}

export type Refusal =
  | 'wrong_status'
  | 'not_holder'
  | 'not_assignee'
  | 'not_supervisor'
  | 'not_reviewer'
  | 'four_eyes';

/** Why this user may not take this action on this case now, or null when they may. */
export function refusal(action: WorkflowAction, user: ActingUser, state: CaseState): Refusal | null {
  const rule: Transition = workflow[action];
  if (!rule.from.includes(state.status)) return 'wrong_status';
  const reviewer = user.role === 'supervisor';
  switch (rule.by) {
    case 'holder':
      return reviewer || state.assignedTo === user.id ? null : 'not_holder';
    case 'reviewer':
      if (!reviewer) return 'not_reviewer';
      // Four eyes: whoever entered or holds a case does not also decide on it.
      return user.id === state.createdBy || user.id === state.assignedTo ? 'four_eyes' : null;
    case 'assignee':
      return state.assignedTo === user.id ? null : 'not_assignee';
    case 'supervisor':
      return user.role === 'supervisor' ? null : 'not_supervisor';
    default:
      return null;
  }
}

export const nextStatus = (action: WorkflowAction, current: CaseStatus): CaseStatus =>
  (workflow[action] as Transition).to ?? current;

/** The actions this user may take on this case now: what the page offers. */
export function allowedActions(user: ActingUser, state: CaseState): WorkflowAction[] {
  return workflowActions.filter((action) => refusal(action, user, state) === null);
}
