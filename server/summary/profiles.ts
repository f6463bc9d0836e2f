// Redaction profiles: what each kind of reader of a summary may learn about the person.
//
// | field                                              | full | partner | minimal          |
// | -------------------------------------------------- | ---- | ------- | ---------------- |
// | pseudonym, citizenships                            | yes  | yes     | yes              |
// | full name (Latin and Cyrillic), date of birth      | yes  | yes     | no               |
// | document numbers                                   | yes  | yes     | no               |
// | dependants (relation, age, with him)               | yes  | no      | no               |
// | family pressured (yes/no: persecution evidence)    | yes  | yes     | yes              |
// | service type, branch, rank, role, coerced          | yes  | yes     | yes              |
// | unit name and military unit number                 | yes  | yes     | no               |
// | deployment town or village                         | yes  | yes     | no (region kept) |
// | desertion statement in his words                   | yes  | yes     | no               |
// | document notes (where addresses, contacts go)      | yes  | no      | no               |
// | knowledge-check questions (they describe the base) | yes  | yes     | no (results kept)|
// | references of cases that vouch for him             | yes  | yes     | no (count kept)  |
// | dates of case facts                                | day  | day     | month            |
// | route, host country, stay, criminal cases, checks  | yes  | yes     | yes              |
// | rules' advice to caseworkers, internal sources     | yes  | no      | no               |
// | names quoted in reasons and comments               | yes  | yes     | no (any spelling)|
//
// `partner` and `minimal` go to consulates and partner NGOs: they cite only public sources (web addresses,
// whatever the reference data holds beside them), and leave out what the rules tell a caseworker to do.
//
// The case file has no address or contact field: where one is written down at all, it is in a document note,
// which only `full` shows. Any withheld value quoted elsewhere (a flag's message, a supervisor's reason) is
// replaced by a "withheld" mark, so a profile cannot leak through the text around it (see redact.ts).
import { z } from 'zod';

export const profiles = ['full', 'partner', 'minimal'] as const;
export const profileSchema = z.enum(profiles);
export type Profile = z.infer<typeof profileSchema>;

export interface ProfileRules {
  names: boolean;
  dependants: boolean;
  unit: boolean;
  places: boolean;
  statement: boolean;
  documentNotes: boolean;
  knowledgeTopics: boolean;
  vouchedBy: boolean;
  /** For readers outside the organisation: public sources only, no advice addressed to caseworkers. */
  consulateFacing: boolean;
  /** Dates of case facts to the day; otherwise to the month. */
  exactDates: boolean;
}

export const profileRules: Record<Profile, ProfileRules> = {
  full: {
    names: true,
    dependants: true,
    unit: true,
    places: true,
    statement: true,
    documentNotes: true,
    knowledgeTopics: true,
    vouchedBy: true,
    consulateFacing: false,
    exactDates: true,
  },
  partner: {
    names: true,
    dependants: false,
    unit: true,
    places: true,
    statement: true,
    documentNotes: false,
    knowledgeTopics: true,
    vouchedBy: true,
    consulateFacing: true,
    exactDates: true,
  },
  minimal: {
    names: false,
    dependants: false,
    unit: false,
    places: false,
    statement: false,
    documentNotes: false,
    knowledgeTopics: false,
    vouchedBy: false,
    consulateFacing: true,
    exactDates: false,
  },
};

/** The profile a query names; undefined when it names none we know. An absent one means the safest. */
export function profileFrom(query: unknown): Profile | undefined {
  const raw = (query as Record<string, unknown> | undefined)?.profile;
  if (raw === undefined || raw === '') return 'minimal';
  const parsed = profileSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
