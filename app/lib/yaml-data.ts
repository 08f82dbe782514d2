import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";

/**
 * Parses a YAML data file and validates it with a zod schema. Every problem is reported with the
 * file, line, column and field path, so a non-programmer editing content/*.yaml can find it.
 */

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: DataFileProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column} ${p.field ? `字段 ${p.field}：` : ""}${p.message}`).join("\n"));
    this.name = "DataFileError";
  }
}

export interface DataFileProblem {
  line: number;
  column: number;
  /** e.g. "campuses[2].slug"; empty for problems with the file as a whole. */
  field: string;
  message: string;
}

export function parseYamlData<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  // Plain YAML only: no custom tags, no merge keys, nothing that can execute.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    throw new DataFileError(
      file,
      doc.errors.map((error) => ({
        ...position(error.pos[0]),
        field: "",
        message: `YAML 格式错误：${error.message.split("\n")[0]}`,
      })),
    );
  }

  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;

  throw new DataFileError(
    file,
    result.error.issues.map((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
      const node = nearestNode(doc.contents, path);
      return {
        ...position(node?.range?.[0] ?? 0),
        field: formatPath(path),
        message: issue.message,
      };
    }),
  );
}

/** The deepest node along `path` that exists: a missing field points at the entry that lacks it. */
function nearestNode(root: unknown, path: (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    let next: unknown;
    // zod reports record keys as strings; YAML keeps `278:` as the number 278.
    if (isMap(node)) next = node.get(key, true) ?? (typeof key === "string" && /^\d+$/.test(key) ? node.get(Number(key), true) : undefined);
    else if (isSeq(node) && typeof key === "number") next = node.get(key, true);
    if (!next || typeof next !== "object") break;
    node = next as Node;
  }
  return node;
}

export function formatPath(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}
