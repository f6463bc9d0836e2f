export const caseListEn = {} as const;
