import type { DB } from "../../db/client";
import type { LawLibrary } from "../lib/law.server";
import type { LessonProblem } from "../lib/mdx/analyze.server";
import type { CompiledLesson } from "../lib/mdx/compile.server";

/**
 * Writing one lesson version: the row, its quiz answers and its law references. Shared by content
 * sync and the web editor, so a version is the same thing whichever way it was written.
 */

export type VersionBody =
  | { compiled: CompiledLesson; title?: undefined; minutes?: undefined; problems?: undefined }
  /** A draft that does not compile: kept as written, with its problems; it cannot be published. */
  | { compiled?: undefined; title: string; minutes: number; problems: LessonProblem[] };

export type NewVersion = VersionBody & { lessonId: number; source: string; hash: string; authorId: number | null };

/**
 * Inserts a version, or finds the one with the same content (a lesson never holds the same text
 * twice). Call inside a transaction. `created` is false when the content was already there.
 */
export async function insertVersion(trx: DB, input: NewVersion, laws: LawLibrary): Promise<{ id: string; created: boolean }> {
  const { compiled } = input;
  const title = compiled ? compiled.frontmatter.title : input.title;
  const plainText = compiled ? compiled.plainText : "";
  const version = await trx
    .insertInto("lesson_versions")
    .values({
      lesson_id: input.lessonId,
      content_hash: input.hash,
      source: input.source,
      code: compiled ? compiled.code : "",
      title,
      minutes: compiled ? compiled.frontmatter.minutes : input.minutes,
      plain_text: plainText,
      search_text: compiled ? `${title}\n${plainText}`.toLowerCase() : "",
      author_id: input.authorId,
      problems: compiled ? null : JSON.stringify(input.problems),
    })
    // Several app processes starting at once may compile the same lesson: the first one wins.
    .onConflict((oc) => oc.columns(["lesson_id", "content_hash"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!version) {
    const existing = await findVersion(trx, input.lessonId, input.hash);
    if (!existing) throw new Error(`lesson ${input.lessonId}: version vanished after a conflict`);
    return { id: existing.id, created: false };
  }
  if (!compiled) return { id: version.id, created: true };
  if (compiled.quizzes.length > 0) {
    await trx
      .insertInto("quiz_questions")
      .values(
        compiled.quizzes.map((q) => ({
          lesson_version_id: version.id,
          quiz_key: q.key,
          position: q.position,
          question: q.question,
          options: JSON.stringify(q.options),
          correct: JSON.stringify(q.correct),
          multiple: q.multiple,
          explanation: q.explanation,
        })),
      )
      .execute();
  }
  if (compiled.lawRefs.length > 0) {
    // Stored under the law's short name, so /law/民法典/278 finds lessons that wrote an alias.
    const refs = new Map(
      compiled.lawRefs.flatMap((r) => {
        const article = laws.getArticle(r.law, r.article);
        return article ? [[`${article.law}:${article.number}`, { lesson_version_id: version.id, law: article.law, article: article.number }]] : [];
      }),
    );
    if (refs.size > 0) await trx.insertInto("lesson_law_refs").values([...refs.values()]).execute();
  }
  return { id: version.id, created: true };
}

export function findVersion(db: DB, lessonId: number, hash: string) {
  return db
    .selectFrom("lesson_versions")
    .select("id")
    .where("lesson_id", "=", lessonId)
    .where("content_hash", "=", hash)
    .executeTakeFirst();
}
