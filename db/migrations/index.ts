import type { Migration } from "kysely";
import * as foundation from "./2026-11-28T01-foundation";
import * as courses from "./2026-11-28T02-courses";
import * as learning from "./2026-11-28T03-learning";
import * as authoring from "./2026-11-28T04-authoring";
import * as camps from "./2026-11-28T05-camps";
import * as reports from "./2026-11-28T06-reports";
import * as progressTriggerOnce from "./2026-11-29T07-progress-trigger-once";
import * as readingPreferences from "./2026-11-29T08-reading-preferences";
import * as offlineReplays from "./2026-11-29T09-offline-replays";
import * as reportShards from "./2026-11-29T10-report-shards";
import * as reportFunctionsPlpgsql from "./2026-11-29T11-report-functions-plpgsql";

/**
 * Every migration, by name. Listed explicitly (rather than read from the folder at run time) so
 * the same list works under tsx, Vitest and bundled code. `migrations.test.ts` checks that no
 * file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-28T01-foundation": foundation,
  "2026-11-28T02-courses": courses,
  "2026-11-28T03-learning": learning,
  "2026-11-28T04-authoring": authoring,
  "2026-11-28T05-camps": camps,
  "2026-11-28T06-reports": reports,
  "2026-11-29T07-progress-trigger-once": progressTriggerOnce,
  "2026-11-29T08-reading-preferences": readingPreferences,
  "2026-11-29T09-offline-replays": offlineReplays,
  "2026-11-29T10-report-shards": reportShards,
  "2026-11-29T11-report-functions-plpgsql": reportFunctionsPlpgsql,
};
