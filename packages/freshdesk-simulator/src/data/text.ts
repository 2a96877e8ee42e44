/** Small word lists that make generated records read like a real help desk. */

export const FIRST_NAMES = [
  'Ava',
  'Noah',
  'Mia',
  'Liam',
  'Zoë',
  'Mateo',
  'Aiko',
  'Olusegun',
  'Ingrid',
  'Rahul',
  'Chloé',
  'Sven',
  'Fatima',
  'Jonas',
  'Lucía',
  'Wei',
  'Amara',
  'Seán',
  'Priya',
  'Tomasz',
  'Hana',
  'Diego',
  'Nora',
  'Kwame',
] as const;

export const LAST_NAMES = [
  'Smith',
  'García',
  'Müller',
  'Okafor',
  'Tanaka',
  'Kowalski',
  'Nguyen',
  'Rossi',
  'Dubois',
  "O'Brien",
  'Andersson',
  'Patel',
  'Silva',
  'Cohen',
  'Ivanova',
  'Kim',
  'Haddad',
  'Jensen',
  'López',
  'Mensah',
] as const;

export const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Gringotts',
  'Oceanic',
  'Massive',
  'Nakatomi',
  'Virtucon',
  'Monarch',
  'Pied Piper',
] as const;

export const COMPANY_SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'S.A.', 'KK', 'LLC', 'AB', 'B.V.'] as const;

export const INDUSTRIES = ['Retail', 'Software', 'Logistics', 'Healthcare', 'Finance', 'Education'] as const;

export const SUBJECTS = [
  'Cannot log in to my account',
  'Refund request for order',
  'Invoice shows the wrong amount',
  'Package arrived damaged',
  'How do I export my data?',
  'App crashes on start',
  'Change of billing address',
  'Feature request: dark mode',
  'Password reset email never arrives',
  'Subscription renewal question',
  'Shipping delay to Zürich',
  'Error 500 when uploading a file',
  'Bitte um Rückruf',
  'Problème de connexion',
  '注文の確認について',
  'Two-factor authentication is locked',
] as const;

export const SENTENCES = [
  'Thanks for getting back to me so quickly.',
  'I have attached a screenshot of the error.',
  'This started happening after the last update.',
  'Could you please look into this today?',
  'We restarted the device and the issue persists.',
  'Our team of 40 people is blocked by this.',
  'I tried clearing the cache, as suggested.',
  'The order number is in the subject line.',
  'Let me know if you need any more details.',
  'We have escalated this to our engineering team.',
  'Your refund has been processed and should arrive in 5–7 days.',
  'Could you confirm the e-mail address on the account?',
] as const;

export const TAGS = [
  'vip',
  'billing',
  'bug',
  'refund',
  'shipping',
  'onboarding',
  'urgent',
  'feedback',
] as const;

export const TICKET_TYPES = ['Question', 'Incident', 'Problem', 'Feature Request', 'Refund'] as const;

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR'] as const;

export const TIME_ZONES = [
  'Eastern Time (US & Canada)',
  'London',
  'Berlin',
  'Tokyo',
  'Chennai',
  'Sydney',
] as const;

export const FILE_TYPES = [
  ['screenshot.png', 'image/png'],
  ['invoice.pdf', 'application/pdf'],
  ['logs.txt', 'text/plain'],
  ['export.csv', 'text/csv'],
] as const;

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w]+/g, '')
    .toLowerCase();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
