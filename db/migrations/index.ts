import { sql as initial } from './0001_initial';
import { sql as outboxWithoutValues } from './0002_outbox_without_values';
import { sql as searchWithoutPositions } from './0003_search_without_positions';
import { sql as staffSignIn } from './0004_staff_sign_in';
import { sql as restrictedNotes } from './0005_restricted_notes';
import { sql as families } from './0006_families';
import { sql as sync } from './0007_sync';
import { sql as compactAudit } from './0008_compact_audit';
import { sql as keySync } from './0009_key_sync';
import { sql as familiesList } from './0010_families_list';
import { sql as studentMerge } from './0011_student_merge';
import { sql as insights } from './0012_insights';
import { sql as schoolGoals } from './0013_school_goals';
import { sql as strengthSteps } from './0014_strength_steps';
import { sql as insightTallies } from './0015_insight_tallies';
import { sql as strengthsByKindWithFamily } from './0016_strengths_by_kind_with_family';
import { sql as contactRecordedBy } from './0017_contact_recorded_by';
import { sql as insightsByFamily } from './0018_insights_by_family';
import { sql as conflictClock } from './0019_conflict_clock';
import { sql as noDirectionControls } from './0020_no_direction_controls';
import { sql as staffLanguage } from './0021_staff_language';
import { sql as visitPickupRecords } from './0022_visit_pickup_records';
import { sql as rollCalls } from './0023_roll_calls';
import { sql as cautionListAndBadges } from './0024_caution_list_and_badges';
import { sql as healthVisits } from './0025_health_visits';
import { sql as healthProfiles } from './0026_health_profiles';
import { sql as medications } from './0027_medications';
import { sql as lighterSignIn } from './0028_lighter_sign_in';
import { sql as sentChanges } from './0029_sent_changes';

/**
 * Ordered migrations. Append only: a migration that has shipped is never edited; a change is
 * a new file with the next version. The position in this list is the version number.
 */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: '0001_initial', sql: initial },
  { name: '0002_outbox_without_values', sql: outboxWithoutValues },
  { name: '0003_search_without_positions', sql: searchWithoutPositions },
  { name: '0004_staff_sign_in', sql: staffSignIn },
  { name: '0005_restricted_notes', sql: restrictedNotes },
  { name: '0006_families', sql: families },
  { name: '0007_sync', sql: sync },
  { name: '0008_compact_audit', sql: compactAudit },
  { name: '0009_key_sync', sql: keySync },
  { name: '0010_families_list', sql: familiesList },
  { name: '0011_student_merge', sql: studentMerge },
  { name: '0012_insights', sql: insights },
  { name: '0013_school_goals', sql: schoolGoals },
  { name: '0014_strength_steps', sql: strengthSteps },
  { name: '0015_insight_tallies', sql: insightTallies },
  { name: '0016_strengths_by_kind_with_family', sql: strengthsByKindWithFamily },
  { name: '0017_contact_recorded_by', sql: contactRecordedBy },
  { name: '0018_insights_by_family', sql: insightsByFamily },
  { name: '0019_conflict_clock', sql: conflictClock },
  { name: '0020_no_direction_controls', sql: noDirectionControls },
  { name: '0021_staff_language', sql: staffLanguage },
  { name: '0022_visit_pickup_records', sql: visitPickupRecords },
  { name: '0023_roll_calls', sql: rollCalls },
  { name: '0024_caution_list_and_badges', sql: cautionListAndBadges },
  { name: '0025_health_visits', sql: healthVisits },
  { name: '0026_health_profiles', sql: healthProfiles },
  { name: '0027_medications', sql: medications },
  { name: '0028_lighter_sign_in', sql: lighterSignIn },
  { name: '0029_sent_changes', sql: sentChanges },
];
