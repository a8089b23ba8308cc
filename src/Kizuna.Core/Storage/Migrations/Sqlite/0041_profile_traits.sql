-- Trait scopes of analytics (country = Japan) read the profiles holding a trait value from this table instead of
-- evaluating every profile's traits JSON: one row per profile and top-level trait, the value as text exactly as
-- SqlDialect.JsonText gives it (a string unquoted, a number or boolean as written; JSON null has no row). Triggers
-- on profiles keep it: a write that changes the traits removes the pairs that went and adds those that came.
CREATE TABLE profile_traits (
    workspace_id  INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    profile_id    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, name, value, profile_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO profile_traits (workspace_id, name, value, profile_id)
SELECT p.workspace_id, e.key,
       CASE e.type WHEN 'text' THEN e.value ELSE p.traits -> ('$."' || e.key || '"') END, p.id
FROM profiles p, json_each(p.traits) e
WHERE json_valid(p.traits) AND json_type(p.traits) = 'object' AND e.type <> 'null';

-- A trigger cannot rely on INSERT OR IGNORE: the ingestion writer's upsert of profiles (ON CONFLICT … DO UPDATE)
-- overrides the conflict policy of the statements its triggers run, so a pair already there would fail the write.
-- The triggers insert only the pairs that are not there yet.
CREATE TRIGGER profile_traits_added AFTER INSERT ON profiles
WHEN json_valid(NEW.traits) AND json_type(NEW.traits) = 'object'
BEGIN
    INSERT INTO profile_traits (workspace_id, name, value, profile_id)
    SELECT DISTINCT NEW.workspace_id, e.key, CASE e.type WHEN 'text' THEN e.value ELSE NEW.traits -> ('$."' || e.key || '"') END, NEW.id
    FROM json_each(NEW.traits) e WHERE e.type <> 'null'
    AND NOT EXISTS (SELECT 1 FROM profile_traits t WHERE t.workspace_id = NEW.workspace_id AND t.name = e.key
        AND t.value = CASE e.type WHEN 'text' THEN e.value ELSE NEW.traits -> ('$."' || e.key || '"') END AND t.profile_id = NEW.id);
END;

CREATE TRIGGER profile_traits_changed AFTER UPDATE OF traits ON profiles
WHEN OLD.traits IS NOT NEW.traits
BEGIN
    DELETE FROM profile_traits
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.id AND (name, value) IN (
        SELECT e.key, CASE e.type WHEN 'text' THEN e.value ELSE OLD.traits -> ('$."' || e.key || '"') END
        FROM json_each(CASE WHEN json_valid(OLD.traits) AND json_type(OLD.traits) = 'object' THEN OLD.traits ELSE '{}' END) e WHERE e.type <> 'null'
        EXCEPT
        SELECT e.key, CASE e.type WHEN 'text' THEN e.value ELSE NEW.traits -> ('$."' || e.key || '"') END
        FROM json_each(CASE WHEN json_valid(NEW.traits) AND json_type(NEW.traits) = 'object' THEN NEW.traits ELSE '{}' END) e WHERE e.type <> 'null');
    INSERT INTO profile_traits (workspace_id, name, value, profile_id)
    SELECT DISTINCT NEW.workspace_id, e.key, CASE e.type WHEN 'text' THEN e.value ELSE NEW.traits -> ('$."' || e.key || '"') END, NEW.id
    FROM json_each(CASE WHEN json_valid(NEW.traits) AND json_type(NEW.traits) = 'object' THEN NEW.traits ELSE '{}' END) e WHERE e.type <> 'null'
    AND NOT EXISTS (SELECT 1 FROM profile_traits t WHERE t.workspace_id = NEW.workspace_id AND t.name = e.key
        AND t.value = CASE e.type WHEN 'text' THEN e.value ELSE NEW.traits -> ('$."' || e.key || '"') END AND t.profile_id = NEW.id);
END;

CREATE TRIGGER profile_traits_deleted AFTER DELETE ON profiles
WHEN json_valid(OLD.traits) AND json_type(OLD.traits) = 'object'
BEGIN
    DELETE FROM profile_traits
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.id AND (name, value) IN (
        SELECT e.key, CASE e.type WHEN 'text' THEN e.value ELSE OLD.traits -> ('$."' || e.key || '"') END
        FROM json_each(OLD.traits) e WHERE e.type <> 'null');
END;
