import type { Kysely, Transaction } from 'kysely';
import type { AuthTables } from '../auth/auth.table';
import type { DirectoryTables } from '../directory/directory.table';
import type { MailTables } from '../mail/mail.table';
import type { PartnershipTables } from '../partnerships/partnership.table';
import type { GoodPracticeTables } from '../practices/good-practice.table';
import type { FileTables } from '../files/stored-file.table';
import type { MeetingTables } from '../meetings/meeting.table';
import type { ForumTables } from '../forums/forum.table';
import type { PollTables } from '../polls/poll.table';
import type { RegistrationTables } from '../registrations/registration.table';
import type { ConsolidationTables } from '../consolidation/consolidation.table';
import type { PersonalProgrammeTables } from '../personal-programme/personal-programme.table';

/** Every table of Dari, as Kysely sees it. Columns are snake_case; rows never leave their domain. */
export interface Database extends AuthTables, MailTables, DirectoryTables, PartnershipTables, GoodPracticeTables, FileTables, MeetingTables, ForumTables, PollTables, RegistrationTables, ConsolidationTables, PersonalProgrammeTables {}

export type DatabaseDialect = 'sqlite' | 'postgres';

/** A connection or a transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
