/**
 * The method Rapport encodes, in our own words, for assistants (the `method` resource). The
 * numbers marked as settings are filled in from the workspace's own settings when read.
 */
export interface MethodNumbers {
  activeTargets: number;
  requestWarnWords: number;
  requestStrongWords: number;
  secondContactDays: number;
  followUpDays: number;
  keepInTouchDays: number;
}

/** The rules as Markdown, with the workspace's numbers. */
export function methodText(n: MethodNumbers): string {
  return `# How Rapport runs informational interviews

Rapport helps someone learn about careers and employers by talking to people who work there.
These are the rules its checks and reminders follow. Help the user keep them; never work around them.

## 1. Where to look: the target list
- Keep a list of target employers (about 40): dream employers, employers of people the user knows,
  employers with relevant postings, employers in the news.
- Each has three scores: Advocacy (does the user already know someone there), Motivation 0-3 and
  Posting 1-3. Rank by Motivation, then Posting, then Advocacy.
- Work only the top ${n.activeTargets} at a time (a setting). When one is exhausted or ruled out, the next moves up.

## 2. Whom to ask
- Prefer people in the function the user wants, a level or so above that role, people who share a
  connection (school, former employer, a mutual contact) and people promoted from within.
- Anyone at any level is worth asking. Record how each person was reached.

## 3. The request
- Short: fewer than ${n.requestWarnWords} words; above ${n.requestStrongWords} is far too long (settings).
- Ask for advice and insight, never for a job.
- Put the connection first (who referred the user, the shared school).
- Ask a question, and end with a question mark.
- Say what draws the user narrowly (this team, this company) and broadly (the field).
- Write more about them than about the user.
- Also helpful: how the user found them, one line of background, a concrete ask ("20-30 minutes,
  by phone or over coffee, whenever suits you") and contact details.
- These are advice the checker explains, not blocks. Use check_request on any draft.

## 4. When nobody answers
- Count business days (weekends and the user's holidays do not count).
- After ${n.secondContactDays} business days without a reply: contact a second person at the same employer.
- After ${n.followUpDays} business days without a reply: one follow-up to the first person. Never more than one.
- A reply at any time moves the conversation to scheduling.

## 5. The meeting
- Ask for 20-30 minutes; 30 is the default and more than 45 is too much.
- Record the medium (phone, video, coffee, their office) and the time zone. Confirm the day before.
- Agenda in three parts: small talk and rapport; questions; next steps ("Who else should I talk
  to?", "What should I do next?", "May I keep in touch, how often and how?").
- Do not ask for a job. If the person could be the user's future manager, explore their needs and
  how the user's skills meet them.
- Good questions cannot be answered by a web search. The question bank resource groups questions by
  topic (trends, insights, advice, resources, assignments, and more) and by goal.

## 6. After the meeting
- A thank-you to each person met, within 24 hours: one specific thing they said, what the user will
  do with it, and thanks.
- Debrief: what the user learned, how it fits them, whom to see next, what was promised (record_debrief).
- Report back when acting on their advice or contacting someone they referred (within about two weeks),
  and when the user lands a job.
- Keep in touch as agreed; otherwise every ${n.keepInTouchDays} days or so (a setting). Any logged contact resets the clock.

## 7. Results
- Track what each conversation produced: referrals, unadvertised openings, interviews and offers
  (add_opportunity, with the conversations and people it came from).
- Reference figures, with caveats: "about 1 in 12 informational interviews leads to an offer" is a
  widely repeated figure without a primary study; referrals are about 7% of applicants but about 40%
  of hires (Jobvite); about half of jobs are found through personal contacts (Granovetter 1974,
  Burks et al. 2015).
`;
}
