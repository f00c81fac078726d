import { IntlMessageFormat } from 'intl-messageformat';
import { z } from 'zod';

/**
 * Every sentence the core and the district server say to a person: errors, sync refusals,
 * a field's problem that only the core can find. Written here once, in English, as ICU
 * messages with the same `{ id, defaultMessage }` shape as the renderer's (the id is a hash
 * of the English, written by lint rule formatjs/enforce-id); `npm run i18n:extract` reads
 * this file with the renderer's, so each has its translations in renderer/i18n/catalogs.
 *
 * The core speaks English (logs, the server's answers to other tools); what it says also
 * travels as `Said` (id and values), and the window words it in the person's language.
 * Values are names, numbers and ICU select keys (a team, a kind of record), never English
 * words: a select lets each language word the choice itself.
 */
export interface Words {
  id: string;
  defaultMessage: string;
}

export const saidSchema = z.object({
  id: z.string().max(20),
  values: z.record(z.string().max(40), z.union([z.string().max(2000), z.number()])).optional(),
});
/** A sentence said: which one and its values, for the window to word in its language. */
export type Said = z.infer<typeof saidSchema>;
export type SaidValues = NonNullable<Said['values']>;

/** A sentence with its English, as errors carry it. */
export interface Saying extends Said {
  text: string;
}

// Named as formatjs's extractor and lint rule look for it; an identity, like react-intl's.
function defineMessages<K extends string>(words: Record<K, Words>): Record<K, Words> {
  return words;
}

const formatters = new Map<string, IntlMessageFormat>();

/** The sentence in English with its values, and what the window needs to say it again. */
export function say(words: Words, values?: SaidValues): Saying {
  let formatter = formatters.get(words.id);
  if (!formatter) {
    formatter = new IntlMessageFormat(words.defaultMessage, 'en');
    formatters.set(words.id, formatter);
  }
  return { id: words.id, values, text: String(formatter.format(values)) };
}

/** A sentence as a status carries it: the English, and what the window needs to word it. */
export const shown = ({ id, values, text }: Saying): { message: string; said: Said } => ({
  message: text,
  said: values ? { id, values } : { id },
});

/** How long a person must wait, as the wait messages' values: minutes past a minute and a half. */
export const waitValues = (seconds: number): SaidValues => ({
  minutes: seconds > 90 ? Math.ceil(seconds / 60) : 0,
  seconds,
});

/** Kinds of record, for "That … could not be found" (an ICU select key each). */
export const THINGS = [
  'family',
  'person',
  'student',
  'staff',
  'follow_up',
  'goal',
  'home_visit',
  'visit',
  'strength',
  'voice_item',
  'origin',
  'roll_call',
  'caution',
  'health_visit',
  'med_order',
  'med_dose',
] as const;
export type Thing = (typeof THINGS)[number];

export const WORDS = defineMessages({
  notSetUp: {
    defaultMessage: 'This computer is not set up for a school yet.',
    id: 'tjONmR',
  },
  signInToContinue: { defaultMessage: 'Sign in to continue.', id: 'JaCYnN' },
  thingNotFound: {
    defaultMessage:
      'That {thing, select, family {family} person {person} student {student} staff {staff member} follow_up {follow-up} goal {goal} home_visit {home visit} visit {visit} strength {strength} voice_item {family voice item} roll_call {roll call} caution {caution-list entry} health_visit {health office visit} med_order {medication order} med_dose {medication entry} other {record}} could not be found. It may have been removed.',
    id: 'wfISzY',
  },
  adminOnly: { defaultMessage: 'Only an administrator can do that.', id: 'MU5ExH' },
  alreadyJoined: { defaultMessage: 'This computer has already joined a district.', id: 'NghT5O' },
  familiesBlockJoin: {
    defaultMessage:
      'Families are already recorded on this computer, so it can’t join a district: a district’s computers carry only the district’s records. Ask district IT to set up another computer, and keep this one’s backups.',
    id: '9js3u3',
  },
  backupOtherComputer: {
    defaultMessage: 'That backup was made on another computer.',
    id: '2xnhIC',
  },
  backupNewer: { defaultMessage: 'That backup was made by a newer Hearth.', id: '+tgKOE' },
  backupNotFound: {
    defaultMessage: 'That backup could not be found on this computer.',
    id: '4R4OSU',
  },
  peopleAlreadyMerged: {
    defaultMessage: 'One of these people was already merged into another.',
    id: 'BUnvFx',
  },
  mergedLinkThatOne: {
    defaultMessage: 'That person was merged into another record; link that one.',
    id: 'T39/d7',
  },
  mergedEditThatOne: {
    defaultMessage: 'This person was merged into another record; edit that one.',
    id: 'kjUjHS',
  },
  personMerged: { defaultMessage: 'That person was merged into another record.', id: '/8Y+O0' },
  wasMerged: { defaultMessage: 'was merged into another record', id: 'uXfKbZ' },
  birthInFuture: { defaultMessage: 'A date of birth cannot be in the future.', id: 'L4lRO/' },
  inTheFuture: { defaultMessage: 'cannot be in the future', id: 'IMYU/N' },
  inThePast: { defaultMessage: 'cannot be in the past', id: '2+IfQk' },
  rosterKeepsStudent: {
    defaultMessage:
      'The district’s roster keeps this student’s name and grade; ask the district office to change them.',
    id: 'JUcXF8',
  },
  fromTheRoster: { defaultMessage: 'comes from the district’s roster', id: 'GydIeL' },
  entryNotFound: {
    defaultMessage: 'That entry could not be found. It may have been removed.',
    id: 'tcbPUc',
  },
  teamOnlyWrites: {
    defaultMessage:
      'Only members of the {team, select, health {health} support {support} admin {admin} other {}} team can write {what, select, notes {notes} other {follow-ups}} for that team.',
    id: 'ojEsbu',
  },
  noteNotFound: { defaultMessage: 'That note could not be found.', id: 'CsHMMJ' },
  noteChanged: {
    defaultMessage:
      'This note was changed since you opened it. Open it again to see the newest version.',
    id: 'm1zcYj',
  },
  noteUnreadable: { defaultMessage: 'You cannot change a note you cannot read.', id: 'Mq9hm3' },
  noteHistoryTeamOnly: {
    defaultMessage: 'Only the team this note is for can read its history.',
    id: 'MQ4dC2',
  },
  raisedInFuture: {
    defaultMessage: 'When the family raised it cannot be in the future.',
    id: 'h3cxqM',
  },
  voiceStepFirst: {
    defaultMessage:
      'This item is at “{reached, select, heard {heard} acted {acted on} told {told the family} other {raised}}”; mark it {next, select, heard {heard} acted {acted on} other {told the family}} first.',
    id: '//JZ+O',
  },
  voiceAlreadyTold: {
    defaultMessage: 'The family has already been told about this item.',
    id: 'LNhMpA',
  },
  sayWhatWasDone: { defaultMessage: 'Say what was done before recording it.', id: 'CAaoiY' },
  emptySayWhatWasDone: { defaultMessage: 'cannot be empty: say what was done', id: 'isjyWm' },
  goalsWho: {
    defaultMessage:
      'Only an administrator or a family engagement coordinator sets the school’s goals.',
    id: 's6Z88U',
  },
  noStudentsYet: {
    defaultMessage: 'This family has no students yet; a record is kept, and shared, per student.',
    id: '/6XLHk',
  },
  hasNoStudents: { defaultMessage: 'has no students', id: 'hS/21r' },
  strengthNotFound: { defaultMessage: 'That strength could not be found.', id: 'FncLEr' },
  alreadyInvited: { defaultMessage: 'The family was already invited to share this.', id: 'puBnWE' },
  inviteFirst: {
    defaultMessage: 'Record the invitation first, then what the family shared.',
    id: 'Kohodh',
  },
  alreadyContributed: {
    defaultMessage: 'The family’s contribution is already recorded.',
    id: 'w3YwMS',
  },
  followUpNotFound: { defaultMessage: 'That follow-up could not be found.', id: 'yktJsm' },
  noLongerActive: { defaultMessage: '{name} is no longer active.', id: '+5Druz' },
  notOnTeam: {
    defaultMessage:
      '{name} is not on the {team, select, health {health} support {support} admin {admin} other {}} team, so they could not read this follow-up.',
    id: 'HD67Yz',
  },
  privateToYourself: {
    defaultMessage: 'A private follow-up can only be assigned to yourself.',
    id: 'OIakWb',
  },
  dueInPast: { defaultMessage: 'The due date cannot be in the past.', id: 'NvBfps' },
  originNeedsBoth: {
    defaultMessage: 'A follow-up’s origin needs both its kind and its id.',
    id: 'RmxPHQ',
  },
  followUpTeamOnly: {
    defaultMessage: 'Only the team this follow-up is for can change it.',
    id: 'oUPBlG',
  },
  contactOnlyCompleting: {
    defaultMessage: 'A contact can be logged only when completing a follow-up.',
    id: 'duDJKJ',
  },
  folderFullPath: { defaultMessage: 'Name the folder by its full path.', id: 'UdwfoB' },
  mustBeFullPath: {
    defaultMessage: 'must be a full path, such as C:\\Hearth\\papers',
    id: '3stts8',
  },
  cannotDeactivateSelf: { defaultMessage: 'You cannot deactivate yourself.', id: 'qNVRbC' },
  cannotDropOwnAdmin: {
    defaultMessage: 'You cannot take away your own administrator role.',
    id: 'IT0x61',
  },
  ownPassword: { defaultMessage: 'Change your own password from your own sign-in.', id: 'wxHtnk' },
  staffInactive: { defaultMessage: 'That staff member is no longer active.', id: 'QljYnD' },
  districtChecksFirst: {
    defaultMessage: 'The first time on this computer, your password is checked with the district.',
    id: 'kD4LHn',
  },
  noPasswordHere: {
    defaultMessage:
      'No password is set for this staff member on this computer. Ask an administrator.',
    id: 'domfHL',
  },
  tooManyPasswords: {
    defaultMessage:
      'Too many wrong passwords. Wait {minutes, plural, =0 {{seconds, plural, one {# second} other {# seconds}}} one {# minute} other {# minutes}}, then try again.',
    id: 'S3vkdU',
  },
  wrongPassword: {
    defaultMessage: 'That password is not right. Check Caps Lock and try again.',
    id: '6Dqn4G',
  },
  wrongPasswordWait: {
    defaultMessage:
      'That password is not right. Too many wrong passwords. Wait {minutes, plural, =0 {{seconds, plural, one {# second} other {# seconds}}} one {# minute} other {# minutes}}, then try again.',
    id: 'ulx8yF',
  },
  belongsElsewhere: {
    defaultMessage:
      '{name} already belongs to the {family}. Add the students there, or link {name} to them from that family’s page.',
    id: '0XXpdE',
  },
  inAnotherFamily: { defaultMessage: 'already belongs to another family', id: '4jtxsR' },
  visitorNotInFamily: {
    defaultMessage: 'The visitor must be one of the family’s people.',
    id: '8WxMsA',
  },
  namesOtherVisitor: { defaultMessage: 'names a visitor who is not in this family', id: '+Uofts' },
  alreadyJoining: { defaultMessage: 'This computer is already joining a district.', id: 'kSzRKV' },
  notConnected: { defaultMessage: 'This computer is not connected to a district.', id: 's8GOnf' },
  conflictSettled: { defaultMessage: 'That conflict was already settled.', id: 'AI665e' },
  messageDismissed: { defaultMessage: 'That message was already dismissed.', id: 'c6lC9O' },
  studentNotFound: { defaultMessage: 'One of the students could not be found.', id: 'yigAlc' },
  alreadySignedIn: {
    defaultMessage: '{name} is already signed in. Sign them out first.',
    id: 'ubMiXg',
  },
  rollCallEnded: { defaultMessage: 'That roll call has ended.', id: 'pGh+Yy' },
  cautionListWho: {
    defaultMessage: 'Only an administrator keeps the school’s caution list.',
    id: '6enJyZ',
  },
  healthTeamOnly: {
    defaultMessage:
      'Only the health team records and reads health office visits, health profiles and medications.',
    id: 'K0ugXa',
  },
  healthVisitEnded: {
    defaultMessage: 'This health office visit has ended; it is kept as it was.',
    id: 'OJXspZ',
  },
  endVisitFirst: {
    defaultMessage: 'End the visit first: the note tells the family how it ended.',
    id: 'BQs7c4',
  },
  doseInFuture: { defaultMessage: 'A dose cannot be recorded in the future.', id: 'Z+9ROy' },
  medOrderStopped: {
    defaultMessage: 'That medication order has stopped; start a new order instead.',
    id: 'JqiRsg',
  },
  doseNeverChanged: {
    defaultMessage: 'A medication entry is never changed; record a correction instead.',
    id: '7+EdZT',
  },
  doseNeedsCheck: {
    defaultMessage:
      'This order needs a second staff member to check each dose given: choose them and have them type their own password.',
    id: '9s4nb4',
  },
  checkerIsYou: {
    defaultMessage: 'The second check must be made by someone other than you.',
    id: 'yq5UGS',
  },
  correctionOfOther: {
    defaultMessage: 'A correction must be for an entry of the same medication order.',
    id: 'p5EDs4',
  },
  alreadyCorrected: {
    defaultMessage: 'That entry has been corrected already; correct the latest entry instead.',
    id: 'oa4quL',
  },
  slotNotOnOrder: {
    defaultMessage: 'That time is not one of this order’s times.',
    id: 'njhFx2',
  },
  cautionRetired: {
    defaultMessage: 'That caution was taken off the list; add a new one instead.',
    id: '9nPDSR',
  },
  cautionNotSeen: {
    defaultMessage:
      '{name} is on the school’s caution list. See the caution before signing them in.',
    id: 'pZCe+G',
  },
  badgeNotToday: {
    defaultMessage:
      'No one signed in today has the badge code {code}. A badge is good only on the day of its visit.',
    id: '7QS2t5',
  },
  badgeAlreadyOut: {
    defaultMessage: 'The visitor with badge {code}, {name}, was already signed out.',
    id: 'fbG9Bt',
  },
  notOnRollCall: { defaultMessage: 'is not on this roll call', id: 'ScF6HM' },
  pickupNamesStudents: { defaultMessage: 'name the students being picked up', id: '93MI3A' },
  checkBeforeLeaving: {
    defaultMessage:
      'A student {name} may not take is being dismissed now. Check before {name} leaves.',
    id: '3MaIb1',
  },
  checkWithOffice: {
    defaultMessage: 'Check with the office before releasing a student to {name}.',
    id: 'v/7eg2',
  },
  alreadySignedOut: { defaultMessage: '{name} is already signed out.', id: 'hFtZzt' },
  studentsAlreadyMerged: {
    defaultMessage: 'One of these students was already merged into another.',
    id: 'RWpNq+',
  },
  bothFromRoster: {
    defaultMessage:
      'Both records come from the roster; the district office corrects a doubled student there.',
    id: 'EKL/Qy',
  },
  keepRosterRecord: {
    defaultMessage: 'Keep the roster’s record and merge the one added here into it.',
    id: 'va3XSS',
  },
  comesFromRoster: { defaultMessage: 'comes from the roster', id: 'qDnupL' },
  visitRecordWho: {
    defaultMessage: 'Only the staff going on this visit, or who planned it, can record it.',
    id: 'wbKkat',
  },
  visitAlreadyMarked: {
    defaultMessage:
      'This visit was already marked {status, select, completed {completed} cancelled {cancelled} declined {declined} other {planned}}.',
    id: 'Wt0Ov+',
  },
  contactInFuture: { defaultMessage: 'A contact cannot be logged in the future.', id: 'i1gpGl' },
  contactForOthers: {
    defaultMessage:
      'Only an administrator can record a contact someone else made. Ask them to log it.',
    id: 'HQkGab',
  },
  correctsOtherFamily: {
    defaultMessage: 'The entry being corrected is not one of this family’s.',
    id: '6GZqKl',
  },
  notThisFamilysContact: { defaultMessage: 'is not one of this family’s contacts', id: 'Zc7D8o' },
  needAnotherLook: { defaultMessage: 'Some details need another look.', id: 'H0hOmS' },
  recordGone: { defaultMessage: 'That record no longer exists.', id: 'T3AsCa' },
  detailsNotValid: { defaultMessage: 'Some details are not valid.', id: '25R1ni' },
  keyFileOpen: {
    defaultMessage:
      'Hearth’s key file {path} can be read by other users of this computer, so Hearth will not use it. Make it private (chmod 600 "{path}") and start Hearth again.',
    id: 'b1sWD5',
  },
  keyFileDamaged: {
    defaultMessage:
      'Hearth’s key file {path} is damaged. Restore it from a backup; Hearth’s data cannot be opened without it.',
    id: 'HmC6HW',
  },
  accessWithdrawn: {
    defaultMessage:
      'The district withdrew this computer’s access, so Hearth is locked here. Ask district IT.',
    id: 'WlnXga',
  },
  rosterNotImported: {
    defaultMessage:
      'The roster was not imported; nothing was added. Fix what is listed and import it again.',
    id: 'KgKogo',
  },
  rosterFromDistrict: {
    defaultMessage:
      'This computer gets its roster from the district; the district office imports it there.',
    id: 'GAbznv',
  },
  fileNotImported: {
    defaultMessage:
      '{file} was not imported; nothing was added. Fix what is listed and import it again.',
    id: 'pBiuI1',
  },
  alreadySetUp: { defaultMessage: 'This computer is already set up for a school.', id: '55qP65' },
  teamKeyMissing: {
    defaultMessage:
      'This computer does not have the {team, select, health {health} support {support} admin {admin} other {}} team’s key for you yet. A team member’s computer shares it when it next syncs (or when they sign in here); until then you cannot write for that team.',
    id: '+M0F3i',
  },
  dataTooNew: {
    defaultMessage:
      'This Hearth data was saved by a newer version of Hearth (data version {saved}; this copy understands up to {known}). Update Hearth on this computer to open it. Nothing in the data was changed.',
    id: 'Ls9MY/',
  },
  lockedOtherKey: {
    defaultMessage:
      'Hearth’s data on this computer is locked with a key this copy of Hearth does not have. If the data was copied from another computer, open it there; nothing was changed.',
    id: 'SbFwbT',
  },
  syncUnexpected: {
    defaultMessage: 'Sync stopped on an unexpected problem; it will try again.',
    id: 'N4DEva',
  },
  serverUnreachable: { defaultMessage: 'The district server cannot be reached.', id: 'CDvLWq' },
  updateHearth: {
    defaultMessage:
      'Update Hearth on this computer: the district server no longer works with this version. Everything done here is kept, and syncs once Hearth is updated.',
    id: 'y4mzPl',
  },
  serverTooOld: {
    defaultMessage:
      'The district server is older than this version of Hearth; ask the district to update it. Everything done here is kept, and syncs once it is.',
    id: 'KFwL0F',
  },
  serverAnswered: {
    defaultMessage: 'The server answered {status, number, ::group-off}.',
    id: 'xu3cdh',
  },
  // The district server's, as a computer shows them.
  tooManyAttempts: {
    defaultMessage: 'Too many attempts. Wait a minute and try again.',
    id: 'wdHd1F',
  },
  requestTooLarge: { defaultMessage: 'That request is too large to accept.', id: 'DSF957' },
  requestUnreadable: { defaultMessage: 'That request could not be read.', id: 'KrkMCg' },
  serverProblem: {
    defaultMessage: 'Something went wrong on the server; nothing was saved.',
    id: 'Mdrsyd',
  },
  nothingHere: { defaultMessage: 'There is nothing at this address.', id: 'pxvK5R' },
  databaseUnreachable: {
    defaultMessage: 'The district server cannot reach its database.',
    id: 'MnRVbU',
  },
  databaseBehind: {
    defaultMessage:
      'The district server’s database is at schema {schema, number, ::group-off}; this server needs {expected, number, ::group-off}. It is updated when a server of this version starts.',
    id: 'Jo2qZx',
  },
  databaseAhead: {
    defaultMessage:
      'The district server’s database is at schema {schema, number, ::group-off}, set up by a newer version of the Hearth server; this server knows up to {expected, number, ::group-off}. Upgrade this server.',
    id: 'bSIJXp',
  },
  noValidToken: { defaultMessage: 'Sign in again: this request has no valid token.', id: 'redPWh' },
  sessionEnded: { defaultMessage: 'Your session has ended. Sign in again.', id: 'k0KcBp' },
  notEnrolled: { defaultMessage: 'This computer is not enrolled.', id: 'x1n67h' },
  accessWithdrawnByDistrict: {
    defaultMessage:
      'This computer’s access to the district was withdrawn. Hearth is locked; ask district IT.',
    id: 'Y93oO6',
  },
  accountMayNot: { defaultMessage: 'This account may not do that.', id: 'NZ9fLM' },
  emailPasswordNoMatch: {
    defaultMessage: 'That email and password do not match an account.',
    id: 'AQpX9s',
  },
  unknownTable: { defaultMessage: 'The batch names a table Hearth does not sync.', id: 'yW9s/r' },
  unknownField: { defaultMessage: 'The batch names a field Hearth does not sync.', id: 'PBWBXf' },
  unreadableClock: { defaultMessage: 'The batch has an unreadable clock.', id: 'aXTK4L' },
  clockAhead: {
    defaultMessage:
      'This computer’s clock is more than a day ahead. Set the right date and time, then sync again.',
    id: 'qz4rz9',
  },
  serverBusy: {
    defaultMessage:
      'Other computers were changing the same records at that moment. Hearth will send these changes again shortly.',
    id: 'Foh9rb',
  },
  manageOwnDevices: {
    defaultMessage: 'You can manage only your own school’s devices.',
    id: 'SE+uiQ',
  },
  otherSchoolsAccount: { defaultMessage: 'This account belongs to another school.', id: 'eLhC73' },
  districtAddsSchools: {
    defaultMessage: 'Only a district administrator can add schools.',
    id: 'tiVHLJ',
  },
  districtImportsRoster: {
    defaultMessage: 'Only a district administrator can import the roster.',
    id: 'R1L9DE',
  },
  adminsSignInHere: { defaultMessage: 'Only administrators can sign in here.', id: 'zgXZI6' },
  consoleNotBuilt: {
    defaultMessage:
      'The district console was not built with this server. Run “npm run server:build”, then start the server again.',
    id: 'ENTjJR',
  },
  consoleRequestForged: {
    defaultMessage:
      'This request did not come from the district console’s own page, so nothing was changed. Reload the console and try again.',
    id: 'Z9nj7b',
  },
  sendRosterZip: {
    defaultMessage: 'Send the roster as a zip file (application/zip).',
    id: '5szsGm',
  },
  rosterNotChanged: {
    defaultMessage:
      'The roster was not imported; nothing was changed. Fix the lines listed and send it again.',
    id: 'EQ3q57',
  },
  emailTaken: { defaultMessage: 'Someone already has an account with that email.', id: '8WDRrr' },
  schoolNotInDistrict: { defaultMessage: 'That school is not in this district.', id: '7MB6Bd' },
  noSuchSchool: { defaultMessage: 'There is no such school.', id: 'Npx4Er' },
  noSuchDevice: { defaultMessage: 'There is no such device.', id: 'mg5vf9' },
  noSuchStaff: { defaultMessage: 'There is no such staff member.', id: 'TyRCCK' },
  rosterOwnsStaffName: {
    defaultMessage:
      'The district roster sets this person’s name. Change it in the student information system; the next roster import brings it here.',
    id: 'tj1rmQ',
  },
  rosterStoppedStaff: {
    defaultMessage:
      'The district roster has this person as no longer active. Change it in the student information system; the next roster import brings it here.',
    id: 'L9ux3C',
  },
  setupCodeWrong: {
    defaultMessage:
      'First setup needs the setup code this server printed when it started. Restart the server to print a new one.',
    id: 'X0IZbl',
  },
  serverHasAdmin: {
    defaultMessage: 'This server already has an administrator. Ask them for an account.',
    id: 'ZtMmdF',
  },
  serviceNotAnswering: {
    defaultMessage: 'Hearth’s data service is not answering. Check that Hearth is still running.',
    id: 'SKbUSo',
  },
  codeInvalid: {
    defaultMessage:
      'That code does not work: it may be mistyped, already used or expired. Ask district IT for a new one.',
    id: 'SRUmIa',
  },
});

/**
 * Why the district refused a change. Refusals are kept as their English text (the server's
 * push journal answers a repeated push with the same words, and the computer keeps them), so
 * each is a sentence without values, and the window finds it by its English
 * (renderer/i18n/said.ts). Technical details may follow in parentheses, kept as written.
 */
export const REFUSALS = defineMessages({
  notOnServer: { defaultMessage: 'That record is not on the district server.', id: '0jhxxw' },
  leftRoster: {
    defaultMessage: 'The district removed that record (it left the roster).',
    id: 'ULVky9',
  },
  otherSchool: { defaultMessage: 'A record cannot be moved to another school.', id: 'VsKzcX' },
  invalid: { defaultMessage: 'Some details are not valid.', id: '25R1ni' },
  notSignedIn: {
    defaultMessage:
      'It was made by someone who has not signed in to the district on this computer.',
    id: 'rHzuf2',
  },
  refused: { defaultMessage: 'Refused by the district server.', id: 'U4Thl8' },
  districtManaged: {
    defaultMessage: 'Schools and staff are managed by the district, not on this computer.',
    id: '5sCwVL',
  },
  noteNeverChanged: {
    defaultMessage: 'Notes are never changed once written; an edit adds a new revision.',
    id: 'hpDVvH',
  },
  noteAuthorOnly: { defaultMessage: 'A note can only be written by its author.', id: 'EAOplc' },
  noteTeamOnly: {
    defaultMessage: 'Only members of that team can write notes for it.',
    id: 'T3K/ex',
  },
  strengthSharedPrivately: {
    defaultMessage: 'The family shared this strength only with the person who recorded it.',
    id: 'p+9lrW',
  },
  strengthInviteFirst: {
    defaultMessage: 'The family must be invited to share this strength first.',
    id: 'YKBQi6',
  },
  strengthInvitedElsewhere: {
    defaultMessage:
      'The invitation to share this strength was already recorded on another computer.',
    id: '/GpqVy',
  },
  contributedElsewhere: {
    defaultMessage: 'This contribution was already recorded on another computer.',
    id: 'GQmUFW',
  },
  contactNeverChanged: {
    defaultMessage: 'A logged contact is never changed; log another one instead.',
    id: 'YmaQP+',
  },
  contactForOthers: {
    defaultMessage:
      'Only an administrator records a contact someone else made, and the contact says so.',
    id: 'YFu59l',
  },
  disclosureNeverChanged: {
    defaultMessage: 'A record of disclosure is never changed.',
    id: 'ij0jGB',
  },
  visitorSignedOut: { defaultMessage: 'This visitor was already signed out.', id: 'Bi37H6' },
  visitNeverChanged: {
    defaultMessage: 'A visit is never changed once signed in, except to sign the visitor out.',
    id: '/6Y7dt',
  },
  followUpPrivate: {
    defaultMessage: 'This follow-up is private to the person who made it.',
    id: 'olY3e9',
  },
  followUpTeamOnly: {
    defaultMessage: 'Only that team, or the person it is assigned to, can change this follow-up.',
    id: 'zbIfJI',
  },
  homeVisitCompleted: {
    defaultMessage: 'This home visit was already marked completed.',
    id: 'mt1qa1',
  },
  homeVisitCancelled: {
    defaultMessage: 'This home visit was already marked cancelled.',
    id: 'kG94Ts',
  },
  homeVisitDeclined: {
    defaultMessage: 'This home visit was already marked declined.',
    id: '3ar3kh',
  },
  heardElsewhere: {
    defaultMessage: 'This item was already marked heard on another computer.',
    id: 'sA1Gd1',
  },
  actedElsewhere: {
    defaultMessage: 'This item was already marked as acted on, on another computer.',
    id: 'iC6du4',
  },
  toldElsewhere: {
    defaultMessage: 'This item was already marked told on another computer.',
    id: 'cRInBE',
  },
  rollCallEnded: {
    defaultMessage: 'A roll call is never changed once it has ended.',
    id: 'JKrob8',
  },
  heardFirst: { defaultMessage: 'This item must be marked heard first.', id: 'IVI7V0' },
  actedFirst: { defaultMessage: 'This item must be marked acted on first.', id: 'MzwGHH' },
});
