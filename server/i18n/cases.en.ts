export const casesEn = {} as const;
