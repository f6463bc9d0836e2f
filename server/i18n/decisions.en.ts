// Strings of decisions bound to the case they were made on: what changed since, withdrawal, confirming again
// in one step, and decisions an imported file carried ("cleared elsewhere: to be confirmed").
export const decisionsEn = {
  'decisions.entry': '{list}, entry {n}',
  'decisions.assessment': 'Assessment',
  'decisions.risk': 'Risk level',
  'decisions.recommendation': 'Recommendation',
  'decisions.flags': 'Flags',
  'decisions.flagCleared': 'cleared',
  'decisions.verdicts': 'Destinations',
  'decisions.kind.approve_referral': 'Approval for referral',
  'decisions.kind.decline_referral': 'Decline of referral',
  'decisions.kind.close': 'Closure',
  'decisions.kind.request_info': 'Request for information',
  'decisions.changed.title': 'Changed since the decision',
  'decisions.changed.withdrawn':
    '{decision} by {name} on {date} was withdrawn because the case changed after it. It was made on the case as shown on the left.',
  'decisions.changed.sinceRequest':
    '{decision} by {name} on {date}: what changed in the case since, on the left as it was then.',
  'decisions.changed.where': 'Where',
  'decisions.changed.field': 'Field',
  'decisions.changed.before': 'At the decision',
  'decisions.changed.after': 'Now',
  'decisions.changed.noFields': 'No field changed; attached scans or evidence did.',
  'decisions.changed.same':
    'The change does not alter the assessment: you may confirm the decision again in one step.',
  'decisions.changed.altered': 'The change alters the assessment: decide again.',
  'decisions.reaffirm.link': 'Confirm the decision again…',
  'decisions.reaffirm.title': 'Confirm the decision again',
  'decisions.reaffirm.explain':
    'The decision is recorded again as it was, on the case as it is now, with your name and note. The summary shows it from then on.',
  'decisions.reaffirm.note': 'Note (optional, goes on the record)',
  'decisions.reaffirm.submit': 'Confirm again',
  'decisions.reaffirm.altered':
    'The assessment changed since the decision, so it cannot be confirmed in one step. Decide again from the case page.',
  'decisions.reaffirm.none': 'There is no withdrawn decision on this case to confirm again.',
  'decisions.reaffirm.reason': 'Confirmed again after the change: the assessment is unchanged.',
  'decisions.withdrawnNotice':
    'The decision was withdrawn because the case changed after it; the case is back in the review queue.',
  'decisions.carried.line': 'Cleared elsewhere: to be confirmed ({origin})',
  'decisions.carried.originFile': 'case file {reference}, imported by {name} on {date}',
  'decisions.carried.originUnnamed': 'imported case file, imported by {name} on {date}',
  'decisions.carried.title': 'Clearances carried in the imported file',
  'decisions.carried.intro':
    'The imported file says these flags were cleared elsewhere. Nobody here has decided on them: they count as not cleared until a supervisor confirms them, one at a time or all at once, with a reason.',
  'decisions.carried.link': 'Confirm clearances…',
  'decisions.carried.choose': 'Flags to confirm as cleared',
  'decisions.carried.chooseOne': 'Choose at least one flag to confirm.',
  'decisions.carried.submit': 'Confirm the chosen clearances',
  'decisions.carried.all': 'Confirm all {count}',
  'decisions.carried.none': 'No clearance carried in an import waits for confirmation on this case.',
  'decisions.carried.gone': 'Some of these were confirmed or upheld meanwhile. Choose again.',
  'timeline.decision_withdrawn':
    '{decision} of {date} withdrawn: the case changed after it ({sections}). Back to the review queue.',
  'timeline.decisions_carried': 'Imported with flags cleared elsewhere, to be confirmed: {flags}',
  'timeline.flag_confirmed': 'Confirmed the clearance carried in the import: “{flag}”',
  'case.history.action.case.decision_withdrawn': 'Decision withdrawn: the case changed after it',
  'case.history.action.case.reaffirm': 'Decision confirmed again',
  'case.history.action.case.confirm_carried': 'Carried clearances confirmed',
  'summary.flagCarried': 'Cleared elsewhere, not confirmed here',
} as const;
