import { describe, expect, it } from 'vitest';
import { abbreviations } from '../src/present/abbreviations';

const glossary = [
  { term: 'EHCP', meaning: 'Education, Health and Care Plan: a legal document.' },
  { term: 'CSC', meaning: "Children's Social Care: the council's social work service." },
  { term: 'Progress 8', meaning: 'A score.' },
  { term: 'EET', meaning: 'In education, employment or training.' },
  { term: 'mths', meaning: 'Months (the dashboard shortens it).' },
];

describe.each([
  ['Children in mainstream schools with EHCP', [{ text: 'Children in mainstream schools with ' }, { text: 'EHCP', expansion: 'Education, Health and Care Plan' }]],
  ['Re-referrals to CSC within 12 mths', [{ text: 'Re-referrals to ' }, { text: 'CSC', expansion: "Children's Social Care" }, { text: ' within 12 ' }, { text: 'mths', expansion: 'Months (the dashboard shortens it)' }]],
  // A term of more than one word is a glossary entry, not an abbreviation to mark.
  ['Progress 8 score', [{ text: 'Progress 8 score' }]],
  ['Care leavers EET', [{ text: 'Care leavers ' }, { text: 'EET', expansion: 'In education, employment or training' }]],
  ['Pupils in Good or Outstanding schools', [{ text: 'Pupils in Good or Outstanding schools' }]],
  // Only whole words: "SEND" is not marked as "SEN" + "D".
  ['SEND support', [{ text: 'SEND support' }]],
])('abbreviations(%j)', (text, pieces) => {
  it('marks each glossary abbreviation with its expansion and rebuilds the text exactly', () => {
    const result = abbreviations(text, glossary);
    expect(result).toEqual(pieces);
    expect(result.map((piece) => piece.text).join('')).toBe(text);
  });
});
