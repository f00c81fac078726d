import type { Sql } from '../db';

/** What a roster id became in Hearth (server migration 0003 explains the keys). */
export type SourceKind = 'org' | 'student' | 'person' | 'link' | 'staff';
export interface Source {
  kind: SourceKind;
  key: string;
  hearthId: string;
  schoolId: string | null;
  /** The roster-informed values as the roster last gave them. */
  imported: Record<string, unknown>;
}

const bookKey = (kind: SourceKind, key: string) => `${kind}\u0000${key}`;

/** The roster's ids for one import: read once, changed in memory, saved at the end. */
export class SourceBook {
  private readonly sources = new Map<string, Source>();
  private readonly changed = new Map<string, Source>();

  static async load(tx: Sql): Promise<SourceBook> {
    const book = new SourceBook();
    const rows = await tx.query<{
      kind: SourceKind;
      source_key: string;
      hearth_id: string;
      school_id: string | null;
      imported: Record<string, unknown>;
    }>('SELECT kind, source_key, hearth_id, school_id, imported FROM roster_sources');
    for (const r of rows)
      book.sources.set(bookKey(r.kind, r.source_key), {
        kind: r.kind,
        key: r.source_key,
        hearthId: r.hearth_id,
        schoolId: r.school_id,
        imported: r.imported,
      });
    return book;
  }

  known(kind: SourceKind, key: string): Source | undefined {
    return this.sources.get(bookKey(kind, key));
  }

  remember(source: Source): void {
    this.sources.set(bookKey(source.kind, source.key), source);
    this.changed.set(bookKey(source.kind, source.key), source);
  }

  all(): IterableIterator<Source> {
    return this.sources.values();
  }

  async save(tx: Sql): Promise<void> {
    const changed = [...this.changed.values()];
    for (let at = 0; at < changed.length; at += 2_000)
      await tx.query(
        `INSERT INTO roster_sources (kind, source_key, hearth_id, school_id, imported)
         SELECT r.kind, r.source_key, r.hearth_id, r.school_id, r.imported
         FROM jsonb_to_recordset($1::jsonb)
           AS r (kind text, source_key text, hearth_id uuid, school_id uuid, imported jsonb)
         ON CONFLICT (kind, source_key) DO UPDATE SET hearth_id = excluded.hearth_id,
           school_id = excluded.school_id, imported = excluded.imported`,
        [
          JSON.stringify(
            changed.slice(at, at + 2_000).map((s) => ({
              kind: s.kind,
              source_key: s.key,
              hearth_id: s.hearthId,
              school_id: s.schoolId,
              imported: s.imported,
            })),
          ),
        ],
      );
  }
}

/** The roster-informed values that changed since the last import: only those are written. */
export function changedSince(
  imported: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([field, value]) => JSON.stringify(imported[field]) !== JSON.stringify(value),
    ),
  );
}
