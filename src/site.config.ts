/** Site-wide settings: who publishes the site and where its content lives. */
export const SITE = {
  council: 'Leicestershire County Council',
  department: 'Children and Family Services',
  title: 'Children and Family Services performance',
  /** Suffix of page titles. */
  shortTitle: 'CFS performance, Leicestershire',
  description:
    'Quarterly performance of the council’s Children and Family Services: child protection, care leavers, special educational needs, early years and schools, as reported to the scrutiny committee.',
  committee: 'Children and Family Services Overview and Scrutiny Committee',
  contact: {
    team: 'Business Intelligence Service',
    email: 'Emma.j.Jones@leics.gov.uk',
    phone: '0116 305 7526',
    /** A team mailbox for accessibility requests; none has been given, so the statement gives the team's telephone. */
    mailbox: null as string | null,
  },
  /** The accessibility statement's dates (ISO): when it was prepared, last reviewed, and when the site was last tested. */
  accessibility: { prepared: '2026-11-23', reviewed: '2026-11-23', tested: '2026-11-23' },
  /** The content folder; CONTENT_DIR points the build at another one (benchmarks, tests). */
  contentDir: process.env.CONTENT_DIR || 'content',
  /** `npm run preview:drafts`: build draft quarters too, marked, into a folder that is never deployed. */
  previewDrafts: process.env.PREVIEW_DRAFTS === '1',
} as const;
