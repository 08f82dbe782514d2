import { readFile } from "node:fs/promises";
import path from "node:path";
import { type CampusEntry, type CategoryEntry, campusesFile, categoriesFile, type PathEntry, pathsFile } from "./content-data";
import { parseYamlData } from "./yaml-data";

/** Reads and validates the campus and category files; throws DataFileError naming file, line and field. */
export async function readCampusesAndCategories(contentDir: string): Promise<{
  campuses: CampusEntry[];
  categories: CategoryEntry[];
}> {
  const read = async (name: string) => {
    const file = path.join(contentDir, name);
    return { file: path.relative(process.cwd(), file) || file, text: await readFile(file, "utf8") };
  };
  const campuses = await read("campuses.yaml");
  const categories = await read("categories.yaml");
  return {
    campuses: parseYamlData(campuses.file, campuses.text, campusesFile).campuses,
    categories: parseYamlData(categories.file, categories.text, categoriesFile).categories,
  };
}

/** content/paths.yaml; a missing file means no paths. Throws DataFileError like the files above. */
export async function readPaths(contentDir: string): Promise<{ file: string; paths: PathEntry[] }> {
  const file = path.join(contentDir, "paths.yaml");
  const shown = path.relative(process.cwd(), file) || file;
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (text === null) return { file: shown, paths: [] };
  return { file: shown, paths: parseYamlData(shown, text, pathsFile).paths };
}
