// Strings of saving against what others saved meanwhile: the conflict page, an entry removed while it was
// being edited, and moving list entries.
export const conflictsEn = {
  'conflict.title': 'Someone else saved this meanwhile',
  'conflict.message':
    'While you were editing “{section}”, someone else saved it. Nothing was saved yet and nothing is lost. Changes that do not collide are kept on both sides; only the fields you both changed are asked about below.',
  'conflict.table': 'What changed in “{section}”',
  'conflict.col.field': 'Field',
  'conflict.col.before': 'When you opened the form',
  'conflict.col.theirs': 'Saved meanwhile',
  'conflict.col.mine': 'Yours',
  'conflict.col.state': 'What happens',
  'conflict.state.both': 'You both changed it: choose below',
  'conflict.state.theirs': 'Changed by someone else: kept',
  'conflict.state.mine': 'Changed by you: kept',
  'conflict.state.same': 'Unchanged',
  'conflict.state.differs': 'Differs: choose below',
  'conflict.ask': 'Fields you both changed',
  'conflict.askHint':
    'Your values are filled in. The value saved meanwhile is shown under each label: keep yours, change it or type the saved one, then save. Everything else is saved as the table says.',
  'conflict.savedValue': 'Saved meanwhile: {value}',
  'conflict.save': 'Save with these values',
  'conflict.keepTheirs': 'Keep the saved version',
  'conflict.busy':
    'Others were saving this at the same moment, so nothing was saved. What you typed is kept below: save again.',
  'conflict.gone.title': 'This entry was removed meanwhile',
  'conflict.gone.message':
    'Someone removed this {item} while you were editing it. Nothing you typed was saved and nothing is lost: your version is below.',
  'conflict.gone.readd': 'Add my version as a new entry',
  'conflict.gone.leave': 'Leave it removed',
  'conflict.removeChanged':
    'Someone changed this entry since you opened this page. It is shown below as it is now: check it is still the one to remove.',
  'entry.moveUp': 'Move up',
  'entry.moveDown': 'Move down',
  'entry.position': '{item} {n}',
} as const;
